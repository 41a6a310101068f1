// The keys that anchor the audit trail outside the database. Both are derived with HKDF (RFC 5869)
// from the installation secret (PERSONAL_DATA_KEY, or on the embedded zero-setup start the key file
// <DATA_DIR>/personal-data.key made on the first start), each under a label of its own, so they are
// independent of the ID-number and certificate keys derived from the same secret.
//
// Why that secret and not a new AUDIT_KEY: it is already the one secret an operator must keep outside
// the database, the same for every web and worker process (production on PostgreSQL refuses to
// start without it), and it is never rotated (the ID numbers it encrypts would become unreadable).
// A session secret may be changed to sign everybody out; an audit key must not change, or every
// event written before would stop verifying. A separate variable would be one more secret that every
// process needs and that would have to be generated for the zero-setup start in the same way.

import { hkdfSync } from "node:crypto";
import { serverSecret } from "~/lib/personnel/personal-data-crypto.server";

export interface AuditKeys {
  /** HMAC key of the events' chain. */
  chain: Buffer;
  /** HMAC key of the checkpoints. */
  checkpoint: Buffer;
}

export function deriveAuditKeys(secret: Buffer): AuditKeys {
  return {
    chain: Buffer.from(hkdfSync("sha256", secret, "", "tradeguard audit chain v1", 32)),
    checkpoint: Buffer.from(hkdfSync("sha256", secret, "", "tradeguard audit checkpoint v1", 32)),
  };
}

let cached: AuditKeys | undefined;

/** This installation's audit keys, from serverSecret(). */
export function auditKeys(): AuditKeys {
  cached ??= deriveAuditKeys(serverSecret());
  return cached;
}
