CREATE TABLE "customs_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"contacted_on" date NOT NULL,
	"kind" text NOT NULL,
	"customs_office" text NOT NULL,
	"contact_person" text DEFAULT '' NOT NULL,
	"channel" text NOT NULL,
	"subject" text NOT NULL,
	"summary" text NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"incident_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"kind" text NOT NULL,
	"site_id" uuid NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"discovered_by" text NOT NULL,
	"description" text NOT NULL,
	"containment" text DEFAULT '' NOT NULL,
	"investigation" text DEFAULT '' NOT NULL,
	"root_cause" text DEFAULT '' NOT NULL,
	"customs_notified_at" timestamp with time zone,
	"customs_office" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reported_by_user_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customs_contacts" ADD CONSTRAINT "customs_contacts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customs_contacts" ADD CONSTRAINT "customs_contacts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customs_contacts" ADD CONSTRAINT "customs_contacts_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_user_id_users_id_fk" FOREIGN KEY ("reported_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_closed_by_user_id_users_id_fk" FOREIGN KEY ("closed_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customs_contacts_organization_id_number_index" ON "customs_contacts" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "customs_contacts_organization_id_contacted_on_index" ON "customs_contacts" USING btree ("organization_id","contacted_on");--> statement-breakpoint
CREATE INDEX "customs_contacts_organization_id_incident_id_index" ON "customs_contacts" USING btree ("organization_id","incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_organization_id_number_index" ON "incidents" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "incidents_organization_id_status_discovered_at_index" ON "incidents" USING btree ("organization_id","status","discovered_at");--> statement-breakpoint
CREATE INDEX "incidents_organization_id_discovered_at_index" ON "incidents" USING btree ("organization_id","discovered_at");