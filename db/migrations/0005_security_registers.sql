ALTER TYPE "public"."role" ADD VALUE 'hr' BEFORE 'auditor';--> statement-breakpoint
CREATE TABLE "employees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"site_id" uuid,
	"date_of_birth" date,
	"id_document_type" text,
	"id_number_ciphertext" text,
	"id_number_masked" text,
	"id_number_digest" text,
	"position" text NOT NULL,
	"department" text DEFAULT '' NOT NULL,
	"security_sensitive" boolean DEFAULT false NOT NULL,
	"key_role" text,
	"hire_date" date NOT NULL,
	"leave_date" date,
	"user_id" uuid,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "employees_organization_id_number_index" ON "employees" USING btree ("organization_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_organization_id_id_number_digest_index" ON "employees" USING btree ("organization_id","id_number_digest");--> statement-breakpoint
CREATE INDEX "employees_organization_id_site_id_leave_date_index" ON "employees" USING btree ("organization_id","site_id","leave_date");--> statement-breakpoint
CREATE INDEX "employees_organization_id_name_index" ON "employees" USING btree ("organization_id","name");