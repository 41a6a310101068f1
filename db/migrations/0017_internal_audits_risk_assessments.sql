CREATE TABLE "internal_audit_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"audit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"severity" text NOT NULL,
	"action_id" uuid
);
--> statement-breakpoint
CREATE TABLE "internal_audits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"audited_on" date NOT NULL,
	"scope" text NOT NULL,
	"auditors" text NOT NULL,
	"result" text NOT NULL,
	"conclusion" text NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject" text NOT NULL,
	"assessed_on" date NOT NULL,
	"next_review_on" date NOT NULL,
	"summary" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by_user_id" uuid,
	"approved_at" timestamp with time zone,
	"approval_note" text
);
--> statement-breakpoint
CREATE TABLE "risk_threats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"threat" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"mitigation" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "internal_audit_findings" ADD CONSTRAINT "internal_audit_findings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audit_findings" ADD CONSTRAINT "internal_audit_findings_audit_id_internal_audits_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."internal_audits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audit_findings" ADD CONSTRAINT "internal_audit_findings_action_id_corrective_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."corrective_actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD CONSTRAINT "internal_audits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "internal_audits" ADD CONSTRAINT "internal_audits_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_assessments" ADD CONSTRAINT "risk_assessments_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_threats" ADD CONSTRAINT "risk_threats_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_threats" ADD CONSTRAINT "risk_threats_assessment_id_risk_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."risk_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "internal_audit_findings_organization_id_audit_id_position_index" ON "internal_audit_findings" USING btree ("organization_id","audit_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "internal_audits_organization_id_number_index" ON "internal_audits" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "internal_audits_organization_id_audited_on_index" ON "internal_audits" USING btree ("organization_id","audited_on");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_assessments_organization_id_number_index" ON "risk_assessments" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "risk_assessments_organization_id_assessed_on_index" ON "risk_assessments" USING btree ("organization_id","assessed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_threats_organization_id_assessment_id_position_index" ON "risk_threats" USING btree ("organization_id","assessment_id","position");