import { isIP } from "node:net";
import { z } from "zod";

/** Express's names for address ranges, usable in TRUST_PROXY. */
const TRUST_PROXY_NAMES = ["loopback", "linklocal", "uniquelocal"];

/**
 * TRUST_PROXY as Express's "trust proxy" setting: false (unset, "none", "false" or "0": no proxy,
 * X-Forwarded-For is ignored), a number of proxies in front (a hop count), or the proxies'
 * addresses: a comma-separated list of `loopback`, `linklocal`, `uniquelocal`, IP addresses and CIDR
 * ranges. Trusting every address ("true") is refused: it lets any client choose its own address.
 * Returns a message for a value that is none of these.
 */
export function parseTrustProxy(value: string | undefined): { ok: true; value: false | number | string[] } | { ok: false; error: string } {
  const text = (value ?? "").trim();
  if (text === "" || /^(none|false|0)$/i.test(text)) return { ok: true, value: false };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 10 ? { ok: true, value: hops } : { ok: false, error: `${text} proxies in front is not a plausible hop count` };
  }
  if (/^(true|all|\*)$/i.test(text)) {
    return {
      ok: false,
      error: `"${text}" would trust every address, letting any client choose its own with X-Forwarded-For: give the proxies' addresses (e.g. loopback or 10.0.0.0/8) or their number`,
    };
  }
  const entries = text.split(",").map((entry) => entry.trim());
  const invalid = entries.filter((entry) => !validProxyEntry(entry));
  if (invalid.length) {
    return {
      ok: false,
      error: `not an address, CIDR range or one of ${TRUST_PROXY_NAMES.join(", ")}: ${invalid.map((e) => JSON.stringify(e)).join(", ")} (expected e.g. "loopback", "10.0.0.5, 10.1.0.0/16" or a hop count such as 1)`,
    };
  }
  return { ok: true, value: entries.map((entry) => entry.toLowerCase()) };
}

function validProxyEntry(entry: string): boolean {
  if (TRUST_PROXY_NAMES.includes(entry.toLowerCase())) return true;
  const [address = "", range, ...rest] = entry.split("/");
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (range === undefined) return true;
  // A prefix length, or (IPv4) a netmask such as 255.255.0.0.
  if (/^\d{1,3}$/.test(range)) return Number(range) <= (version === 4 ? 32 : 128);
  return version === 4 && isIP(range) === 4;
}

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
  /**
   * Loopback hosts (127.0.0.1, localhost, [::1]) that group-robot webhooks may use over plain http,
   * comma-separated: for tests, which point channels at a server of their own. Any other host is
   * ignored: in production a webhook is the provider's https endpoint.
   */
  WEBHOOK_TEST_HOSTS: z.string().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /**
   * The reverse proxies whose X-Forwarded-For (and -Proto, -Host) the server believes, as Express's
   * "trust proxy" (parseTrustProxy above). Unset: none, and a client's address is the connection's.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseTrustProxy(value);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
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
