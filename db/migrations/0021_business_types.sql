ALTER TABLE "organizations" ADD COLUMN "cn2022_business_types" text[];--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "cn2014_role" text;--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "business_types" text[];