CREATE TABLE "audit_checkpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"head_hash" text NOT NULL,
	"legacy_seq" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"dossier_id" uuid,
	"mac" text NOT NULL,
	"signature" text,
	"certificate" text
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "audit_legacy_seq" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The cut-over (added by hand to drizzle-kit's output): every event written so far is plain SHA-256
-- and stays so; from the next one on, events are HMAC-SHA-256 under the installation's audit key.
UPDATE "organizations" AS o SET "audit_legacy_seq" = GREATEST(o."audit_head_seq", COALESCE((SELECT max(e."seq") FROM "audit_events" AS e WHERE e."organization_id" = o."id"), 0));--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_organization_id_seq_index" ON "audit_checkpoints" USING btree ("organization_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "audit_checkpoints_dossier_id_index" ON "audit_checkpoints" USING btree ("dossier_id");