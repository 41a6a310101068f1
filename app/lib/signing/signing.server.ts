// Signing a dossier's PDF with the organisation's certificate, as the last step of generation.
// Without an active certificate the bytes are returned unchanged and unsigned.

import { and, eq, isNull } from "drizzle-orm";
import { signingCertificates } from "../../../db/schema";
import type { Executor } from "~/lib/db.server";

export interface SignOutcome {
  bytes: Uint8Array;
  signed: boolean;
}

/** Signs the PDF with the organisation's active certificate, if it has one. */
export async function signForOrganization(db: Executor, organizationId: string, pdf: Uint8Array): Promise<SignOutcome> {
  const [certificate] = await db
    .select({ id: signingCertificates.id })
    .from(signingCertificates)
    .where(and(eq(signingCertificates.organizationId, organizationId), isNull(signingCertificates.removedAt)));
  if (!certificate) return { bytes: pdf, signed: false };
  throw new Error("signing with an uploaded certificate is not built yet");
}
