import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id (m=19456 KiB, t=2, p=1, the OWASP minimum). `Algorithm` is a
// const enum that isolatedModules cannot read (docs/stack.md, "TypeScript traps"), so the default is relied on.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, never a 500.
    return false;
  }
}

/**
 * What an unknown account's password is verified against, so that a login for an address nobody
 * uses costs one argon2 verification like a wrong password for a real account, and the answer's
 * timing does not say which it was. A fixed hash of a random secret nobody kept, with the
 * parameters hashPassword uses today (a unit test holds them equal), so the first such login is
 * not slower for having to hash it first.
 */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$oVRHQMSAb5bOOp4TQsi4xA$zZBH5O+7wt6GblfdO697qvznkD1kmRmM8q+7aSqoDm0";
