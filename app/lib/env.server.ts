import { z } from "zod";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  /** Where uploaded files are kept, by SHA-256 (default: <DATA_DIR>/files). */
  FILES_DIR: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_SECRET: z.string().min(16).optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("Tradeguard <no-reply@tradeguard.test>"),
  /** Public base URL for links in emails; defaults to the address the request came in on. */
  APP_URL: z.string().url().optional(),
  /** Seed the demo organisations on the first start of an empty embedded database (default on). */
  SEED_DEMO: z.enum(["0", "1"]).default("1"),
  /**
   * The secret that encrypts employees' ID numbers at rest: 32 bytes, base64 or hex. Unset, a
   * random one is made once in <DATA_DIR>/personal-data.key (the embedded, zero-setup start).
   */
  PERSONAL_DATA_KEY: z
    .string()
    .refine((v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, "base64").length === 32, "must be 32 bytes, as 64 hex digits or base64")
    .optional(),
  /**
   * Where background jobs run: "inline" in this process (the embedded default), "off" for a web
   * process whose jobs `npm run worker` runs (the default on PostgreSQL).
   */
  WORKERS: z.enum(["inline", "off"]).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment. Read once; a bad value stops the process with the variable named. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse({
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL || undefined,
    SMTP_URL: process.env.SMTP_URL || undefined,
    APP_URL: process.env.APP_URL || undefined,
    FILES_DIR: process.env.FILES_DIR || undefined,
    SESSION_SECRET: process.env.SESSION_SECRET || undefined,
    PERSONAL_DATA_KEY: process.env.PERSONAL_DATA_KEY || undefined,
    WORKERS: process.env.WORKERS || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}
