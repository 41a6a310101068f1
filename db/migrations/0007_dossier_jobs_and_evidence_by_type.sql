ALTER TABLE "dossiers" ADD COLUMN "job_id" uuid;--> statement-breakpoint
ALTER TABLE "dossiers" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "evidence_links_by_type_and_time" ON "evidence_links" USING btree ("organization_id","record_type","occurred_at","record_id","criterion_id");