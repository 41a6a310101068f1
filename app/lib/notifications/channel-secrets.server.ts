import { hkdfSync } from "node:crypto";
import { decryptWith, encryptWith, serverSecret } from "../personnel/personal-data-crypto.server";

// A robot's webhook address holds its key, and a signing secret is a secret: both are stored
// AES-256-GCM encrypted under a key of their own, derived from the installation secret (as the
// signing certificate's is), and decrypted only to send.

let cachedKey: { encryption: Buffer } | undefined;

function channelKey(): { encryption: Buffer } {
  cachedKey ??= { encryption: Buffer.from(hkdfSync("sha256", serverSecret(), "", "tradeguard notification channel secrets", 32)) };
  return cachedKey;
}

export const encryptChannelSecret = (plain: string) => encryptWith(channelKey(), plain);
export const decryptChannelSecret = (stored: string) => decryptWith(channelKey(), stored);
