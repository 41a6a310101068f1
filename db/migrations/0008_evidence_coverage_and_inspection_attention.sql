CREATE TABLE "evidence_coverage" (
	"organization_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"month" date NOT NULL,
	"links" integer NOT NULL,
	"newest" timestamp with time zone NOT NULL,
	CONSTRAINT "evidence_coverage_organization_id_criterion_id_record_type_month_pk" PRIMARY KEY("organization_id","criterion_id","record_type","month")
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "release_gate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "signoff_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_coverage" ADD CONSTRAINT "evidence_coverage_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_coverage" ADD CONSTRAINT "evidence_coverage_criterion_id_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_needing_attention" ON "inspections" USING btree ("organization_id","occurred_at") WHERE status = 'submitted' and ((release_gate and released_at is null) or (signoff_required and signed_off_at is null));--> statement-breakpoint
-- Inspections: the template version's gate and sign-off, copied (versions never change).
UPDATE "inspections" i SET
  "release_gate" = coalesce((t.definition ->> 'releaseGate')::boolean, false),
  "signoff_required" = (t.definition ->> 'supervisorSignoff') = 'required'
FROM "checklist_templates" t WHERE t.id = i.template_id;
--> statement-breakpoint
-- Evidence coverage per month: kept by statement triggers on evidence_links, in the writing
-- transaction. Months are calendar months in the organisation's time zone. Rows are upserted in key
-- order, so that two transactions touching the same months lock them in the same order.
CREATE FUNCTION "evidence_coverage_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO evidence_coverage AS c (organization_id, criterion_id, record_type, month, links, newest)
  SELECT a.organization_id, a.criterion_id, a.record_type, date_trunc('month', a.occurred_at AT TIME ZONE o.time_zone)::date,
    count(*)::integer, max(a.occurred_at)
  FROM evidence_added a JOIN organizations o ON o.id = a.organization_id
  GROUP BY 1, 2, 3, 4
  ORDER BY 1, 2, 3, 4
  ON CONFLICT (organization_id, criterion_id, record_type, month)
  DO UPDATE SET links = c.links + excluded.links, newest = greatest(c.newest, excluded.newest);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Removed links: the months lose them, an emptied month goes, and a month's newest is read again
-- from its remaining links (one month of one criterion, through the (organisation, criterion,
-- time) index).
CREATE FUNCTION "evidence_coverage_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT r.organization_id, r.criterion_id, r.record_type, date_trunc('month', r.occurred_at AT TIME ZONE o.time_zone)::date AS month,
      o.time_zone, count(*)::integer AS n
    FROM evidence_removed r JOIN organizations o ON o.id = r.organization_id
    GROUP BY 1, 2, 3, 4, 5
  )
  UPDATE evidence_coverage c SET
    links = c.links - g.n,
    newest = coalesce((
      SELECT max(l.occurred_at) FROM evidence_links l
      WHERE l.organization_id = c.organization_id AND l.criterion_id = c.criterion_id AND l.record_type = c.record_type
        AND l.occurred_at >= (c.month::timestamp AT TIME ZONE g.time_zone)
        AND l.occurred_at < ((c.month + interval '1 month')::timestamp AT TIME ZONE g.time_zone)
    ), c.newest)
  FROM gone g
  WHERE c.organization_id = g.organization_id AND c.criterion_id = g.criterion_id AND c.record_type = g.record_type AND c.month = g.month;
  DELETE FROM evidence_coverage c USING (SELECT DISTINCT organization_id FROM evidence_removed) r
  WHERE c.organization_id = r.organization_id AND c.links <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "evidence_coverage_on_insert" AFTER INSERT ON "evidence_links"
  REFERENCING NEW TABLE AS evidence_added FOR EACH STATEMENT EXECUTE FUNCTION "evidence_coverage_added"();
--> statement-breakpoint
CREATE TRIGGER "evidence_coverage_on_delete" AFTER DELETE ON "evidence_links"
  REFERENCING OLD TABLE AS evidence_removed FOR EACH STATEMENT EXECUTE FUNCTION "evidence_coverage_removed"();
--> statement-breakpoint
-- A moved link (a policy's new effective date) leaves its old month and joins its new one: the
-- same two functions, on the update's old and new rows.
CREATE TRIGGER "evidence_coverage_on_update_new" AFTER UPDATE ON "evidence_links"
  REFERENCING NEW TABLE AS evidence_added FOR EACH STATEMENT EXECUTE FUNCTION "evidence_coverage_added"();
--> statement-breakpoint
CREATE TRIGGER "evidence_coverage_on_update_old" AFTER UPDATE ON "evidence_links"
  REFERENCING OLD TABLE AS evidence_removed FOR EACH STATEMENT EXECUTE FUNCTION "evidence_coverage_removed"();
--> statement-breakpoint
INSERT INTO "evidence_coverage" (organization_id, criterion_id, record_type, month, links, newest)
SELECT l.organization_id, l.criterion_id, l.record_type, date_trunc('month', l.occurred_at AT TIME ZONE o.time_zone)::date, count(*)::integer, max(l.occurred_at)
FROM "evidence_links" l JOIN "organizations" o ON o.id = l.organization_id
GROUP BY 1, 2, 3, 4;
