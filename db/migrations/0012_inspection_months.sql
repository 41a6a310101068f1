CREATE TABLE "inspection_months" (
	"organization_id" uuid NOT NULL,
	"site_id" uuid,
	"month" date NOT NULL,
	"passed" integer NOT NULL,
	"failed" integer NOT NULL,
	CONSTRAINT "inspection_months_organizationId_siteId_month_unique" UNIQUE NULLS NOT DISTINCT("organization_id","site_id","month")
);
--> statement-breakpoint
ALTER TABLE "inspection_months" ADD CONSTRAINT "inspection_months_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspection_months" ADD CONSTRAINT "inspection_months_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Submitted inspections per site and month: kept by statement triggers on inspections, in the
-- writing transaction, like evidence_coverage (0008). Months are calendar months in the
-- organisation's time zone. Rows are upserted in key order, so that two transactions touching the
-- same months lock them in the same order. Drafts (most updates: the phone saves as it goes) add
-- nothing and remove nothing.
CREATE FUNCTION "inspection_months_added"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO inspection_months AS m (organization_id, site_id, month, passed, failed)
  SELECT a.organization_id, a.site_id, date_trunc('month', a.occurred_at AT TIME ZONE o.time_zone)::date,
    (count(*) FILTER (WHERE a.result = 'pass'))::integer, (count(*) FILTER (WHERE a.result = 'fail'))::integer
  FROM inspections_added a JOIN organizations o ON o.id = a.organization_id
  WHERE a.status = 'submitted' AND a.occurred_at IS NOT NULL
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (organization_id, site_id, month)
  DO UPDATE SET passed = m.passed + excluded.passed, failed = m.failed + excluded.failed;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Removed (or changed) submitted inspections leave their month; an emptied month goes.
CREATE FUNCTION "inspection_months_removed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH gone AS (
    SELECT r.organization_id, r.site_id, date_trunc('month', r.occurred_at AT TIME ZONE o.time_zone)::date AS month,
      (count(*) FILTER (WHERE r.result = 'pass'))::integer AS passed, (count(*) FILTER (WHERE r.result = 'fail'))::integer AS failed
    FROM inspections_removed r JOIN organizations o ON o.id = r.organization_id
    WHERE r.status = 'submitted' AND r.occurred_at IS NOT NULL
    GROUP BY 1, 2, 3
  )
  UPDATE inspection_months m SET passed = m.passed - g.passed, failed = m.failed - g.failed
  FROM gone g
  WHERE m.organization_id = g.organization_id AND m.site_id IS NOT DISTINCT FROM g.site_id AND m.month = g.month;
  DELETE FROM inspection_months m
  USING (SELECT DISTINCT organization_id FROM inspections_removed WHERE status = 'submitted') r
  WHERE m.organization_id = r.organization_id AND m.passed + m.failed <= 0;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "inspection_months_on_insert" AFTER INSERT ON "inspections"
  REFERENCING NEW TABLE AS inspections_added FOR EACH STATEMENT EXECUTE FUNCTION "inspection_months_added"();
--> statement-breakpoint
CREATE TRIGGER "inspection_months_on_delete" AFTER DELETE ON "inspections"
  REFERENCING OLD TABLE AS inspections_removed FOR EACH STATEMENT EXECUTE FUNCTION "inspection_months_removed"();
--> statement-breakpoint
-- A submit (draft to submitted) joins its month; a change to a submitted inspection (its sign-off,
-- its release) leaves and rejoins the same one.
CREATE TRIGGER "inspection_months_on_update_new" AFTER UPDATE ON "inspections"
  REFERENCING NEW TABLE AS inspections_added FOR EACH STATEMENT EXECUTE FUNCTION "inspection_months_added"();
--> statement-breakpoint
CREATE TRIGGER "inspection_months_on_update_old" AFTER UPDATE ON "inspections"
  REFERENCING OLD TABLE AS inspections_removed FOR EACH STATEMENT EXECUTE FUNCTION "inspection_months_removed"();
--> statement-breakpoint
INSERT INTO "inspection_months" (organization_id, site_id, month, passed, failed)
SELECT i.organization_id, i.site_id, date_trunc('month', i.occurred_at AT TIME ZONE o.time_zone)::date,
  (count(*) FILTER (WHERE i.result = 'pass'))::integer, (count(*) FILTER (WHERE i.result = 'fail'))::integer
FROM "inspections" i JOIN "organizations" o ON o.id = i.organization_id
WHERE i.status = 'submitted' AND i.occurred_at IS NOT NULL
GROUP BY 1, 2, 3;
