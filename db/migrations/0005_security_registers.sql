ALTER TYPE "public"."role" ADD VALUE 'hr' BEFORE 'auditor';--> statement-breakpoint
CREATE TABLE "background_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"employee_id" uuid NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"checked_on" date NOT NULL,
	"result" text NOT NULL,
	"next_check_on" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conduct_acknowledgements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"code_version" text NOT NULL,
	"acknowledged_on" date NOT NULL,
	"file_id" uuid,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
	"next_background_check_on" date,
	"user_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offboarding_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"offboarding_id" uuid NOT NULL,
	"item" text NOT NULL,
	"done_by_user_id" uuid,
	"done_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offboardings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"employee_id" uuid NOT NULL,
	"leave_date" date NOT NULL,
	"deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"done_at" timestamp with time zone,
	"opened_by_user_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prehire_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"employee_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"checked_on" date NOT NULL,
	"result" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"checked_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "training_attendance" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"test_passed" boolean,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_materials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"added_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"category" text NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"start_time" text,
	"duration_minutes" integer,
	"site_id" uuid,
	"trainer" text NOT NULL,
	"provider" text,
	"test_given" boolean DEFAULT false NOT NULL,
	"notes" text,
	"scenario" text,
	"observations" text,
	"lessons_learned" text,
	"follow_up" text,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_items" ADD CONSTRAINT "offboarding_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_items" ADD CONSTRAINT "offboarding_items_offboarding_id_offboardings_id_fk" FOREIGN KEY ("offboarding_id") REFERENCES "public"."offboardings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboarding_items" ADD CONSTRAINT "offboarding_items_done_by_user_id_users_id_fk" FOREIGN KEY ("done_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offboardings" ADD CONSTRAINT "offboardings_opened_by_user_id_users_id_fk" FOREIGN KEY ("opened_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prehire_checks" ADD CONSTRAINT "prehire_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prehire_checks" ADD CONSTRAINT "prehire_checks_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prehire_checks" ADD CONSTRAINT "prehire_checks_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prehire_checks" ADD CONSTRAINT "prehire_checks_checked_by_user_id_users_id_fk" FOREIGN KEY ("checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_item_id_access_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."access_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_item_events" ADD CONSTRAINT "access_item_events_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_holder_employee_id_employees_id_fk" FOREIGN KEY ("holder_employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_items" ADD CONSTRAINT "access_items_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_id_checked_by_user_id_users_id_fk" FOREIGN KEY ("id_checked_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_host_employee_id_employees_id_fk" FOREIGN KEY ("host_employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_access_item_id_access_items_id_fk" FOREIGN KEY ("access_item_id") REFERENCES "public"."access_items"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_entries" ADD CONSTRAINT "visitor_entries_signed_out_by_user_id_users_id_fk" FOREIGN KEY ("signed_out_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_attendance" ADD CONSTRAINT "training_attendance_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_materials" ADD CONSTRAINT "training_materials_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "background_checks_organization_id_number_index" ON "background_checks" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "background_checks_organization_id_employee_id_checked_on_index" ON "background_checks" USING btree ("organization_id","employee_id","checked_on");--> statement-breakpoint
CREATE INDEX "background_checks_organization_id_next_check_on_index" ON "background_checks" USING btree ("organization_id","next_check_on");--> statement-breakpoint
CREATE INDEX "conduct_acknowledgements_organization_id_employee_id_acknowledged_on_index" ON "conduct_acknowledgements" USING btree ("organization_id","employee_id","acknowledged_on");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_organization_id_number_index" ON "employees" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_organization_id_id_number_digest_index" ON "employees" USING btree ("organization_id","id_number_digest");--> statement-breakpoint
CREATE INDEX "employees_organization_id_site_id_leave_date_index" ON "employees" USING btree ("organization_id","site_id","leave_date");--> statement-breakpoint
CREATE INDEX "employees_organization_id_name_index" ON "employees" USING btree ("organization_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_items_organization_id_offboarding_id_item_index" ON "offboarding_items" USING btree ("organization_id","offboarding_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "offboardings_organization_id_number_index" ON "offboardings" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "offboardings_organization_id_employee_id_index" ON "offboardings" USING btree ("organization_id","employee_id");--> statement-breakpoint
CREATE INDEX "offboardings_organization_id_status_deadline_index" ON "offboardings" USING btree ("organization_id","status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "prehire_checks_organization_id_number_index" ON "prehire_checks" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "prehire_checks_organization_id_employee_id_checked_on_index" ON "prehire_checks" USING btree ("organization_id","employee_id","checked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "access_item_events_organization_id_number_index" ON "access_item_events" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "access_item_events_organization_id_item_id_occurred_at_index" ON "access_item_events" USING btree ("organization_id","item_id","occurred_at");--> statement-breakpoint
CREATE INDEX "access_item_events_organization_id_employee_id_occurred_at_index" ON "access_item_events" USING btree ("organization_id","employee_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "access_items_organization_id_kind_code_index" ON "access_items" USING btree ("organization_id","kind","code");--> statement-breakpoint
CREATE INDEX "access_items_organization_id_holder_employee_id_index" ON "access_items" USING btree ("organization_id","holder_employee_id");--> statement-breakpoint
CREATE INDEX "access_items_organization_id_site_id_status_index" ON "access_items" USING btree ("organization_id","site_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "visitor_entries_organization_id_number_index" ON "visitor_entries" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "visitor_entries_organization_id_site_id_signed_out_at_index" ON "visitor_entries" USING btree ("organization_id","site_id","signed_out_at");--> statement-breakpoint
CREATE INDEX "visitor_entries_organization_id_signed_in_at_index" ON "visitor_entries" USING btree ("organization_id","signed_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_attendance_organization_id_session_id_employee_id_index" ON "training_attendance" USING btree ("organization_id","session_id","employee_id");--> statement-breakpoint
CREATE INDEX "training_attendance_organization_id_employee_id_index" ON "training_attendance" USING btree ("organization_id","employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_materials_organization_id_session_id_file_id_index" ON "training_materials" USING btree ("organization_id","session_id","file_id");--> statement-breakpoint
CREATE INDEX "training_materials_organization_id_file_id_index" ON "training_materials" USING btree ("organization_id","file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "training_sessions_organization_id_number_index" ON "training_sessions" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "training_sessions_organization_id_held_on_index" ON "training_sessions" USING btree ("organization_id","held_on");--> statement-breakpoint
CREATE INDEX "training_sessions_organization_id_category_held_on_index" ON "training_sessions" USING btree ("organization_id","category","held_on");--> statement-breakpoint
CREATE INDEX "training_sessions_organization_id_site_id_held_on_index" ON "training_sessions" USING btree ("organization_id","site_id","held_on");--> statement-breakpoint
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