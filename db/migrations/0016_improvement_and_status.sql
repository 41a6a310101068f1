ALTER TYPE "public"."aeo_status" ADD VALUE 'general';--> statement-breakpoint
ALTER TABLE "frameworks" ADD COLUMN "improvement_rule" jsonb;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "improvement_notified_on" date;--> statement-breakpoint
-- The improvement rule left the frameworks' content hash (db/catalog/load.ts): the loader records
-- the new hash of each framework already loaded once, then syncs its rule and improvable criteria.
UPDATE "frameworks" SET "content_hash" = 'rehash:improvement-rule';
