ALTER TYPE "public"."role" ADD VALUE 'hr' BEFORE 'auditor';--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"site_id" uuid,
	"date_of_birth" date,
	"id_document_type" text,
	"id_number_ciphertext" text,
	"id_number_masked" text,
	"id_number_digest" text,
	"position" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"security_sensitive" boolean DEFAULT false NOT NULL,
	"key_role" text,
	"hire_date" date NOT NULL,
	"leave_date" date,
	"user_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_item_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"employee_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "access_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"code" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"site_id" uuid,
	"status" text DEFAULT 'available' NOT NULL,
	"holder_employee_id" uuid,
	"issued_at" timestamp with time zone,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_item_id_access_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."access_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_holder_employee_id_employees_id_fk" FOREIGN KEY ("holder_employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employees_organization_id_number_index" ON "employees" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_organization_id_id_number_digest_index" ON "employees" USING btree ("organization_id","id_number_digest");--> statement-breakpoint
CREATE INDEX "employees_organization_id_site_id_leave_date_index" ON "employees" USING btree ("organization_id","site_id","leave_date");--> statement-breakpoint
CREATE INDEX "employees_organization_id_name_index" ON "employees" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "access_item_events_organization_id_number_index" ON "access_item_events" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "access_item_events_organization_id_item_id_occurred_at_index" ON "access_item_events" USING btree ("organization_id","item_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_item_events_organization_id_employee_id_occurred_at_index" ON "access_item_events" USING btree ("organization_id","employee_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "access_items_organization_id_kind_code_index" ON "access_items" USING btree ("organization_id","kind","code");--> statement-breakpoint
CREATE INDEX "access_items_organization_id_holder_employee_id_index" ON "access_items" USING btree ("organization_id","holder_employee_id");--> statement-breakpoint
CREATE INDEX "access_items_organization_id_site_id_status_index" ON "access_items" USING btree ("organization_id","site_id","status");