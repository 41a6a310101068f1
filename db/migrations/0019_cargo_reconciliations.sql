CREATE TABLE "cargo_reconciliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"direction" text NOT NULL,
	"reconciled_on" date NOT NULL,
	"site_id" uuid NOT NULL,
	"bill_of_lading" text DEFAULT '' NOT NULL,
	"packing_list" text DEFAULT '' NOT NULL,
	"invoice_numbers" text DEFAULT '' NOT NULL,
	"container_number" text DEFAULT '' NOT NULL,
	"seal_number" text DEFAULT '' NOT NULL,
	"seal_id" uuid,
	"expected_packages" integer NOT NULL,
	"counted_packages" integer NOT NULL,
	"expected_weight_kg" numeric(12, 1),
	"counted_weight_kg" numeric(12, 1),
	"discrepancy" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorded_by_user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cargo_reconciliations" ADD CONSTRAINT "cargo_reconciliations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cargo_reconciliations" ADD CONSTRAINT "cargo_reconciliations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cargo_reconciliations" ADD CONSTRAINT "cargo_reconciliations_seal_id_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."seals"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cargo_reconciliations" ADD CONSTRAINT "cargo_reconciliations_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cargo_reconciliations_organization_id_number_index" ON "cargo_reconciliations" USING btree ("organization_id","number");--> statement-breakpoint
CREATE INDEX "cargo_reconciliations_organization_id_reconciled_on_index" ON "cargo_reconciliations" USING btree ("organization_id","reconciled_on");--> statement-breakpoint
CREATE INDEX "cargo_reconciliations_organization_id_site_id_reconciled_on_index" ON "cargo_reconciliations" USING btree ("organization_id","site_id","reconciled_on");