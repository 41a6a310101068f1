import { describe, expect, test } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "~/lib/auth/password.server";

/** "$argon2id$v=19$m=19456,t=2,p=1": algorithm, version and cost of a PHC string. */
const parameters = (hash: string) => hash.split("$").slice(0, 4).join("$");

describe("the hash an unknown account's password is verified against", () => {
  test("has the cost of the hashes made today, so verifying against it takes as long", async () => {
    const real = await hashPassword("a real password 123");
    expect(real).toMatch(/^\$argon2id\$/);
    expect(parameters(DUMMY_PASSWORD_HASH)).toBe(parameters(real));
  });

  test("is a well-formed argon2 hash that no password typed is likely to match", async () => {
    // A malformed hash would make verify() throw at once: fast, which is what it must not be.
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "tradeguard-timing-equaliser")).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "")).toBe(false);
  });
});
