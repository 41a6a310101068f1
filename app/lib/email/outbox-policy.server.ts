import { eq } from "drizzle-orm";
import { memberships, users } from "../../../db/schema";
import type { Role } from "../auth/permissions";
import type { Database } from "../db-types.server";

const RESET_LINK = /https?:\/\/[^\s"'<>]*\/reset-password\?token=[^\s"'<>]*/g;

/**
 * Whether a manager reading the outbox may see a password-reset link. A live link hands over the
 * account, so it is shown only to someone who could already act for it: the account belongs to this
 * organisation alone, and the reader is an owner, or an admin resetting a non-owner. Otherwise the
 * link stays withheld and only delivery by SMTP_URL reaches the person.
 */
export async function mayRevealResetLink(db: Database, orgId: string, readerRole: Role, recipientEmail: string) {
  const rows = await db
    .select({ organizationId: memberships.organizationId, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(users.email, recipientEmail));
  if (rows.length !== 1 || rows[0]?.organizationId !== orgId) return false;
  return readerRole === "owner" || (readerRole === "admin" && rows[0].role !== "owner");
}

export function withholdResetLinks(content: string, replacement: string): string {
  return content.replace(RESET_LINK, replacement);
}
