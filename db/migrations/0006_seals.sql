CREATE TABLE "seal_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"site_id" uuid,
	"performed_by_user_id" uuid NOT NULL,
	"performed_at" timestamp with time zone NOT NULL,
	"counted_numbers" jsonb NOT NULL,
	"result" jsonb NOT NULL,
	"balanced" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_event_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"seal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"site_id" uuid,
	"custodian_user_id" uuid,
	"target_kind" text,
	"target" text,
	"shipment_ref" text,
	"inspection_id" uuid,
	"replaces_seal_id" uuid,
	"stage" text,
	"view_ok" boolean,
	"verify_ok" boolean,
	"tug_ok" boolean,
	"twist_ok" boolean,
	"document_number" text,
	"passed" boolean,
	"report_kind" text,
	"note" text DEFAULT '' NOT NULL,
	"notified" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"related_event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"manufacturer" text NOT NULL,
	"model_name" text NOT NULL,
	"type" text NOT NULL,
	"iso_class" text NOT NULL,
	"certificate_file_id" uuid,
	"certificate_date" date,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" text NOT NULL,
	"model_id" uuid NOT NULL,
	"site_id" uuid,
	"status" text DEFAULT 'in_stock' NOT NULL,
	"custodian_user_id" uuid,
	"target_kind" text,
	"target" text,
	"shipment_ref" text,
	"applied_at" timestamp with time zone,
	"applied_by_user_id" uuid,
	"inspection_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "seal_audits" ADD CONSTRAINT "seal_audits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_audits" ADD CONSTRAINT "seal_audits_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_audits" ADD CONSTRAINT "seal_audits_performed_by_user_id_users_id_fk" FOREIGN KEY ("performed_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_event_photos" ADD CONSTRAINT "seal_event_photos_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_event_photos" ADD CONSTRAINT "seal_event_photos_event_id_seal_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."seal_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_event_photos" ADD CONSTRAINT "seal_event_photos_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_seal_id_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."seals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_custodian_user_id_users_id_fk" FOREIGN KEY ("custodian_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_events" ADD CONSTRAINT "seal_events_replaces_seal_id_seals_id_fk" FOREIGN KEY ("replaces_seal_id") REFERENCES "public"."seals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_models" ADD CONSTRAINT "seal_models_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_models" ADD CONSTRAINT "seal_models_certificate_file_id_evidence_files_id_fk" FOREIGN KEY ("certificate_file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_models" ADD CONSTRAINT "seal_models_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_model_id_seal_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."seal_models"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_custodian_user_id_users_id_fk" FOREIGN KEY ("custodian_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_applied_by_user_id_users_id_fk" FOREIGN KEY ("applied_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seal_audits_organization_id_number_index" ON "seal_audits" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "seal_audits_organization_id_site_id_performed_at_index" ON "seal_audits" USING btree ("organization_id","site_id","performed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_event_photos_organization_id_event_id_file_id_index" ON "seal_event_photos" USING btree ("organization_id","event_id","file_id");--> statement-breakpoint
CREATE INDEX "seal_event_photos_organization_id_file_id_index" ON "seal_event_photos" USING btree ("organization_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_events_organization_id_number_index" ON "seal_events" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "seal_events_organization_id_seal_id_occurred_at_index" ON "seal_events" USING btree ("organization_id","seal_id","occurred_at");--> statement-breakpoint
CREATE INDEX "seal_events_organization_id_kind_occurred_at_index" ON "seal_events" USING btree ("organization_id","kind","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_models_organization_id_manufacturer_model_name_index" ON "seal_models" USING btree ("organization_id","manufacturer","model_name");--> statement-breakpoint
CREATE UNIQUE INDEX "seals_organization_id_number_index" ON "seals" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "seals_organization_id_site_id_status_index" ON "seals" USING btree ("organization_id","site_id","status");--> statement-breakpoint
CREATE INDEX "seals_organization_id_target_index" ON "seals" USING btree ("organization_id","target");--> statement-breakpoint
CREATE INDEX "seals_organization_id_inspection_id_index" ON "seals" USING btree ("organization_id","inspection_id");--> statement-breakpoint
CREATE INDEX "seals_organization_id_custodian_user_id_index" ON "seals" USING btree ("organization_id","custodian_user_id");