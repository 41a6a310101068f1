CREATE TABLE "continuity_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"scope" text NOT NULL,
	"disruptions" text[] NOT NULL,
	"recovery_hours" integer NOT NULL,
	"contacts" text NOT NULL,
	"security_measures" text NOT NULL,
	"version" text NOT NULL,
	"revised_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"next_test_on" date NOT NULL,
	"last_tested_on" date,
	"file_id" uuid,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	"approval_note" text
);
--> statement-breakpoint
CREATE TABLE "continuity_test_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"test_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"action_id" uuid
);
--> statement-breakpoint
CREATE TABLE "continuity_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"tested_on" date NOT NULL,
	"kind" text NOT NULL,
	"scenario" text NOT NULL,
	"participants" text NOT NULL,
	"result" text NOT NULL,
	"notes" text,
	"next_test_on" date NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_plans" ADD CONSTRAINT "continuity_plans_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_test_findings" ADD CONSTRAINT "continuity_test_findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_test_findings" ADD CONSTRAINT "continuity_test_findings_test_id_continuity_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."continuity_tests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_test_findings" ADD CONSTRAINT "continuity_test_findings_action_id_corrective_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."corrective_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_tests" ADD CONSTRAINT "continuity_tests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_tests" ADD CONSTRAINT "continuity_tests_plan_id_continuity_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."continuity_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "continuity_tests" ADD CONSTRAINT "continuity_tests_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "continuity_plans_organization_id_number_index" ON "continuity_plans" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "continuity_plans_organization_id_next_review_on_index" ON "continuity_plans" USING btree ("organization_id","next_review_on");--> statement-breakpoint
CREATE UNIQUE INDEX "continuity_test_findings_organization_id_test_id_position_index" ON "continuity_test_findings" USING btree ("organization_id","test_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "continuity_tests_organization_id_number_index" ON "continuity_tests" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "continuity_tests_organization_id_plan_id_tested_on_index" ON "continuity_tests" USING btree ("organization_id","plan_id","tested_on");