import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env.server";
import { logger } from "../logger.server";

// Employees' identity-document numbers are personal data (PIPL): the database holds them only
// encrypted (AES-256-GCM, a fresh IV per value, so equal numbers give different ciphertexts) and as
// an HMAC digest that finds a duplicate without decrypting anything. Both keys are derived from one
// secret with HKDF (RFC 5869), so one variable (or one key file) is all an operator keeps safe.

const VERSION = "v1";

export interface PersonalDataKeys {
  encryption: Buffer;
  digest: Buffer;
}

/** The two working keys from the 32-byte secret. */
export function deriveKeys(secret: Buffer): PersonalDataKeys {
  if (secret.length !== 32) throw new Error("personal data key: 32 bytes expected");
  return {
    encryption: Buffer.from(hkdfSync("sha256", secret, "", "tradeguard personal data encryption", 32)),
    digest: Buffer.from(hkdfSync("sha256", secret, "", "tradeguard personal data digest", 32)),
  };
}

export function parseSecret(value: string): Buffer {
  const trimmed = value.trim();
  return /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
}

/** "v1.<iv>.<tag>.<ciphertext>", base64url parts. */
export function encryptWith(keys: Pick<PersonalDataKeys, "encryption">, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Throws on a tampered value or a wrong key (GCM's tag), never returns garbage. */
export function decryptWith(keys: Pick<PersonalDataKeys, "encryption">, stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== VERSION || !iv || !tag || body === undefined) throw new Error("personal data: unknown ciphertext format");
  const decipher = createDecipheriv("aes-256-gcm", keys.encryption, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** The number as compared for duplicates: no spaces, capitals (a resident ID's x and X are one). */
export function normaliseIdNumber(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

export function digestWith(keys: PersonalDataKeys, documentType: string, idNumber: string): string {
  return createHmac("sha256", keys.digest)
    .update(`${documentType}:${normaliseIdNumber(idNumber)}`)
    .digest("hex");
}

let cachedSecret: Buffer | undefined;
let cached: PersonalDataKeys | undefined;

/**
 * The 32-byte secret of this installation: PERSONAL_DATA_KEY, or the key file made on the first
 * start. Other secrets (the signing certificate's key) are derived from it with labels of their own.
 */
export function serverSecret(): Buffer {
  if (cachedSecret) return cachedSecret;
  const configured = env().PERSONAL_DATA_KEY;
  if (configured) {
    cachedSecret = parseSecret(configured);
    return cachedSecret;
  }
  const file = serverSecretFile();
  // Several app servers on one PostgreSQL would each make a key of their own and could not read
  // each other's numbers: a shared database needs the shared secret in the environment.
  if (env().DATABASE_URL) logger.warn({ file }, "PERSONAL_DATA_KEY is not set: ID numbers are encrypted with a key file local to this server");
  let secret: Buffer;
  try {
    secret = parseSecret(readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    secret = randomBytes(32);
    // flag "wx": two processes starting at once cannot both write a key; the loser reads the winner's.
    try {
      writeFileSync(file, secret.toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== "EEXIST") throw raced;
      secret = parseSecret(readFileSync(file, "utf8"));
    }
  }
  cachedSecret = secret;
  return cachedSecret;
}

const serverSecretFile = () => path.resolve(env().DATA_DIR, "personal-data.key");

/**
 * Where this process would find the installation secret without making one: "environment" or the
 * key file's path, or null when there is none yet. A check (npm run audit:verify) asks this first:
 * a secret made on the spot would only make every keyed hash look forged.
 */
export function existingServerSecretSource(): string | null {
  if (env().PERSONAL_DATA_KEY) return "PERSONAL_DATA_KEY";
  const file = serverSecretFile();
  return existsSync(file) ? file : null;
}

/** The keys of this installation, from serverSecret(). */
export function personalDataKeys(): PersonalDataKeys {
  cached ??= deriveKeys(serverSecret());
  return cached;
}

export const encryptIdNumber = (plain: string) => encryptWith(personalDataKeys(), plain);
export const decryptIdNumber = (stored: string) => decryptWith(personalDataKeys(), stored);
export const idNumberDigest = (documentType: string, idNumber: string) => digestWith(personalDataKeys(), documentType, idNumber);
