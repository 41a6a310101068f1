ALTER TABLE "criteria" ADD COLUMN "stable_key" text;--> statement-breakpoint
CREATE INDEX "criteria_framework_id_stable_key_index" ON "criteria" USING btree ("framework_id","stable_key");--> statement-breakpoint
-- The versions loaded so far number their criteria by their stable keys (db/catalog/types.ts).
UPDATE "criteria" SET "stable_key" = "key";
