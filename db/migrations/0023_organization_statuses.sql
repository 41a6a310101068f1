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
