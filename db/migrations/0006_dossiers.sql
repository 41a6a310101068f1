CREATE TABLE "dossier_manifest_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"volume" integer NOT NULL,
	"position" integer NOT NULL,
	"file_id" uuid,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"media_type" text NOT NULL,
	"original_name" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"embedded" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_share_accesses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip_address" text DEFAULT '' NOT NULL,
	"user_agent" text DEFAULT '' NOT NULL,
	"action" text NOT NULL,
	"volume" integer,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_share_copies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"share_id" uuid NOT NULL,
	"volume" integer NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_shares" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_organization" text DEFAULT '' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" uuid,
	"created_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossier_volumes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"volume" integer NOT NULL,
	"sha256" text NOT NULL,
	"unsigned_sha256" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"page_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"framework_id" uuid NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"site_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"criterion_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"error" text,
	"generated_at" timestamp with time zone NOT NULL,
	"requested_by_user_id" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"signed" boolean DEFAULT false NOT NULL,
	"record_count" integer DEFAULT 0 NOT NULL,
	"file_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signing_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"p12_encrypted" text NOT NULL,
	"passphrase_encrypted" text NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"serial_number" text NOT NULL,
	"fingerprint_sha256" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "dossier_manifest_entries" ADD CONSTRAINT "dossier_manifest_entries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_manifest_entries" ADD CONSTRAINT "dossier_manifest_entries_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_manifest_entries" ADD CONSTRAINT "dossier_manifest_entries_file_id_evidence_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."evidence_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_share_accesses" ADD CONSTRAINT "dossier_share_accesses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_share_accesses" ADD CONSTRAINT "dossier_share_accesses_share_id_dossier_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."dossier_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_share_copies" ADD CONSTRAINT "dossier_share_copies_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_share_copies" ADD CONSTRAINT "dossier_share_copies_share_id_dossier_shares_id_fk" FOREIGN KEY ("share_id") REFERENCES "public"."dossier_shares"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_shares" ADD CONSTRAINT "dossier_shares_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_shares" ADD CONSTRAINT "dossier_shares_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_shares" ADD CONSTRAINT "dossier_shares_revoked_by_user_id_users_id_fk" FOREIGN KEY ("revoked_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_shares" ADD CONSTRAINT "dossier_shares_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_volumes" ADD CONSTRAINT "dossier_volumes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossier_volumes" ADD CONSTRAINT "dossier_volumes_dossier_id_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_certificates" ADD CONSTRAINT "signing_certificates_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_manifest_entries_dossier_id_volume_position_index" ON "dossier_manifest_entries" USING btree ("dossier_id","volume","position");--> statement-breakpoint
CREATE INDEX "dossier_manifest_entries_dossier_id_sha256_index" ON "dossier_manifest_entries" USING btree ("dossier_id","sha256");--> statement-breakpoint
CREATE INDEX "dossier_share_accesses_share_id_at_index" ON "dossier_share_accesses" USING btree ("share_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_share_copies_share_id_volume_index" ON "dossier_share_copies" USING btree ("share_id","volume");--> statement-breakpoint
CREATE INDEX "dossier_share_copies_organization_id_sha256_index" ON "dossier_share_copies" USING btree ("organization_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_shares_token_hash_index" ON "dossier_shares" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "dossier_shares_organization_id_dossier_id_index" ON "dossier_shares" USING btree ("organization_id","dossier_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dossier_volumes_dossier_id_volume_index" ON "dossier_volumes" USING btree ("dossier_id","volume");--> statement-breakpoint
CREATE INDEX "dossier_volumes_organization_id_sha256_index" ON "dossier_volumes" USING btree ("organization_id","sha256");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_organization_id_number_index" ON "dossiers" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "dossiers_status_created_at_index" ON "dossiers" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_certificates_organization_id_index" ON "signing_certificates" USING btree ("organization_id") WHERE "signing_certificates"."removed_at" is null;