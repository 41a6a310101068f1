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
ALTER TABLE "employees" ADD COLUMN "next_background_check_on" date;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "background_checks" ADD CONSTRAINT "background_checks_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_employee_id_employees_id_fk" FOREIGN KEY ("employee_id") REFERENCES "public"."employees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conduct_acknowledgements" ADD CONSTRAINT "conduct_acknowledgements_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "background_checks_organization_id_number_index" ON "background_checks" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "background_checks_organization_id_employee_id_checked_on_index" ON "background_checks" USING btree ("organization_id","employee_id","checked_on");--> statement-breakpoint
CREATE INDEX "background_checks_organization_id_next_check_on_index" ON "background_checks" USING btree ("organization_id","next_check_on");--> statement-breakpoint
CREATE INDEX "conduct_acknowledgements_organization_id_employee_id_acknowledged_on_index" ON "conduct_acknowledgements" USING btree ("organization_id","employee_id","acknowledged_on");--> statement-breakpoint
CREATE UNIQUE INDEX "offboarding_items_organization_id_offboarding_id_item_index" ON "offboarding_items" USING btree ("organization_id","offboarding_id","item");--> statement-breakpoint
CREATE UNIQUE INDEX "offboardings_organization_id_number_index" ON "offboardings" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "offboardings_organization_id_employee_id_index" ON "offboardings" USING btree ("organization_id","employee_id");--> statement-breakpoint
CREATE INDEX "offboardings_organization_id_status_deadline_index" ON "offboardings" USING btree ("organization_id","status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "prehire_checks_organization_id_number_index" ON "prehire_checks" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "prehire_checks_organization_id_employee_id_checked_on_index" ON "prehire_checks" USING btree ("organization_id","employee_id","checked_on");