// Which certificate an organisation signs with, as pages and the dossier list ask it: plain
// queries, apart from signing.server.ts so that asking does not load the PDF and PKCS#12 code.
import { and, eq, isNull } from "drizzle-orm";
import { signingCertificates, users } from "../../../db/schema";
import type { Executor } from "~/lib/db-types.server";

export const activeFor = (organizationId: string) =>
  and(eq(signingCertificates.organizationId, organizationId), isNull(signingCertificates.removedAt));

/** What a page may show of the active certificate: never the container or its passphrase. */
export async function getActiveCertificate(db: Executor, organizationId: string) {
  const [row] = await db
    .select({
      id: signingCertificates.id,
      subject: signingCertificates.subject,
      issuer: signingCertificates.issuer,
      serialNumber: signingCertificates.serialNumber,
      fingerprintSha256: signingCertificates.fingerprintSha256,
      validFrom: signingCertificates.validFrom,
      validTo: signingCertificates.validTo,
      uploadedAt: signingCertificates.uploadedAt,
      uploadedBy: users.name,
    })
    .from(signingCertificates)
    .innerJoin(users, eq(users.id, signingCertificates.uploadedByUserId))
    .where(activeFor(organizationId));
  return row ?? null;
}

export async function hasActiveCertificate(db: Executor, organizationId: string): Promise<boolean> {
  const [row] = await db.select({ id: signingCertificates.id }).from(signingCertificates).where(activeFor(organizationId));
  return Boolean(row);
}
