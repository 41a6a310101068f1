ALTER TABLE "employees" ADD COLUMN "key_roles" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- One person may hold several key roles (a small company's legal representative is often its
-- principal person too): the single role each employee had moves into the set.
UPDATE "employees" SET "key_roles" = ARRAY["key_role"] WHERE "key_role" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "employees" DROP COLUMN "key_role";
