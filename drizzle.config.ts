import { defineConfig } from "drizzle-kit";

// `generate` needs no database; migrations are applied by db/migrate.ts (npm run db:migrate, or at embedded start-up).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
