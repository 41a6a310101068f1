ALTER TABLE "seal_events" ADD COLUMN "load_state" text;--> statement-breakpoint
-- Step 12, the evidence registry's corrected feeds applied to the links already written (the
-- coverage table follows through the evidence_links triggers of 0008). CN-2014 (general) item 26
-- has no seal clause: seal applications and verifications move from item 26 to item 25 of the same
-- framework version; seal reports gain item 25. A crisis drill moves from CTPAT 12.7-12.10 to 2.4.
UPDATE "evidence_links" l SET "criterion_id" = n."id"
FROM "criteria" o
JOIN "frameworks" f ON f."id" = o."framework_id" AND f."code" = 'cn-2014-general'
JOIN "criteria" n ON n."framework_id" = o."framework_id" AND n."key" = '25'
WHERE l."criterion_id" = o."id" AND o."key" = '26' AND l."record_type" IN ('seal_application', 'seal_verification')
  AND NOT EXISTS (
    SELECT 1 FROM "evidence_links" x
    WHERE x."organization_id" = l."organization_id" AND x."record_type" = l."record_type" AND x."record_id" = l."record_id" AND x."criterion_id" = n."id"
  );
--> statement-breakpoint
DELETE FROM "evidence_links" l
USING "criteria" o, "frameworks" f
WHERE l."criterion_id" = o."id" AND f."id" = o."framework_id" AND f."code" = 'cn-2014-general' AND o."key" = '26'
  AND l."record_type" IN ('seal_application', 'seal_verification');
--> statement-breakpoint
INSERT INTO "evidence_links" ("organization_id", "criterion_id", "record_type", "record_id", "occurred_at", "linked_by_user_id")
SELECT DISTINCT ON (l."organization_id", l."record_id", n."id") l."organization_id", n."id", l."record_type", l."record_id", l."occurred_at", l."linked_by_user_id"
FROM "evidence_links" l
CROSS JOIN "frameworks" f
JOIN "criteria" n ON n."framework_id" = f."id" AND n."key" = '25'
WHERE f."code" = 'cn-2014-general' AND l."record_type" = 'seal_report'
ON CONFLICT DO NOTHING;
--> statement-breakpoint
UPDATE "evidence_links" l SET "criterion_id" = n."id"
FROM "criteria" o
JOIN "frameworks" f ON f."id" = o."framework_id" AND f."code" = 'ctpat-msc'
JOIN "criteria" n ON n."framework_id" = o."framework_id" AND n."key" = '2.4'
WHERE l."criterion_id" = o."id" AND o."key" = '12.7-12.8-12.9-12.10' AND l."record_type" = 'drill'
  AND NOT EXISTS (
    SELECT 1 FROM "evidence_links" x
    WHERE x."organization_id" = l."organization_id" AND x."record_type" = l."record_type" AND x."record_id" = l."record_id" AND x."criterion_id" = n."id"
  );
--> statement-breakpoint
DELETE FROM "evidence_links" l
USING "criteria" o, "frameworks" f
WHERE l."criterion_id" = o."id" AND f."id" = o."framework_id" AND f."code" = 'ctpat-msc' AND o."key" = '12.7-12.8-12.9-12.10'
  AND l."record_type" = 'drill';
