CREATE TABLE "visitor_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"site_id" uuid NOT NULL,
	"visitor_name" text NOT NULL,
	"company" text DEFAULT '' NOT NULL,
	"id_document_type" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_checked_by_user_id" uuid NOT NULL,
	"host_employee_id" uuid,
	"host_name" text NOT NULL,
	"purpose" text NOT NULL,
	"purpose_note" text DEFAULT '' NOT NULL,
	"badge_number" text DEFAULT '' NOT NULL,
	"access_item_id" uuid,
	"escort_name" text DEFAULT '' NOT NULL,
	"vehicle_plate" text DEFAULT '' NOT NULL,
	"signed_in_at" timestamp with time zone NOT NULL,
	"signed_out_at" timestamp with time zone,
	"signed_out_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_id_checked_by_user_id_users_id_fk" FOREIGN KEY ("id_checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_host_employee_id_employees_id_fk" FOREIGN KEY ("host_employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_access_item_id_access_items_id_fk" FOREIGN KEY ("access_item_id") REFERENCES "public"."access_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_signed_out_by_user_id_users_id_fk" FOREIGN KEY ("signed_out_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visitor_entries_organization_id_number_index" ON "visitor_entries" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "visitor_entries_organization_id_site_id_signed_out_at_index" ON "visitor_entries" USING btree ("organization_id","site_id","signed_out_at");--> statement-breakpoint
CREATE INDEX "visitor_entries_organization_id_signed_in_at_index" ON "visitor_entries" USING btree ("organization_id","signed_in_at");