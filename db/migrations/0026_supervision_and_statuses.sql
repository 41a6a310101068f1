ALTER TABLE "partner_policies" ADD COLUMN "high_tier_supervision_months" integer DEFAULT 6 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_policies" ADD COLUMN "medium_tier_supervision_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "partner_policies" ADD COLUMN "low_tier_supervision_months" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "next_supervision_on" date;--> statement-breakpoint
CREATE INDEX "partners_organization_id_next_supervision_on_index" ON "partners" USING btree ("organization_id","next_supervision_on");
--> statement-breakpoint
-- Every partner's first due date, as app/lib/partners/supervision-due.server.ts computes it: the latest
-- check (else the first approval, else the last evaluation) plus the interval of its tier.
UPDATE "partners" p SET "next_supervision_on" = due.due_on
FROM (
  SELECT q.id,
    CASE WHEN q.risk_tier IS NULL OR q.status = 'rejected' THEN NULL
    ELSE (coalesce(
        (SELECT max(c.performed_on) FROM supervision_checks c WHERE c.organization_id = q.organization_id AND c.partner_id = q.id),
        (SELECT min((e.decided_at AT TIME ZONE o.time_zone)::date) FROM partner_evaluations e
          WHERE e.organization_id = q.organization_id AND e.partner_id = q.id AND e.decision IN ('approved', 'approved_with_conditions')),
        q.last_evaluated_on
      ) + make_interval(months => CASE q.risk_tier
        WHEN 'high' THEN coalesce(pol.high_tier_supervision_months, 6)
        WHEN 'medium' THEN coalesce(pol.medium_tier_supervision_months, 12)
        ELSE coalesce(pol.low_tier_supervision_months, 24) END))::date
    END AS due_on
  FROM partners q
  JOIN organizations o ON o.id = q.organization_id
  LEFT JOIN partner_policies pol ON pol.organization_id = q.organization_id
) due
WHERE p.id = due.id;
--> statement-breakpoint
CREATE TABLE "organization_statuses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"level" text NOT NULL,
	"certificate_number" text,
	"certified_on" date,
	"valid_until" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_statuses" ADD CONSTRAINT "organization_statuses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_statuses_organization_id_programme_index" ON "organization_statuses" USING btree ("organization_id","programme");
--> statement-breakpoint
-- The China Customs level each organisation recorded on its profile becomes its cn-customs status.
INSERT INTO "organization_statuses" ("organization_id", "programme", "level", "certificate_number", "certified_on", "valid_until")
SELECT "id", 'cn-customs', "aeo_status"::text, "aeo_certificate_number", "aeo_certified_on", "aeo_next_recertification_on"
FROM "organizations" WHERE "aeo_status" <> 'none';
