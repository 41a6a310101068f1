/**
 * Who does something, and in which organisation: every command that writes takes one, scopes its
 * queries by `organizationId` and records `userId` in the audit trail. A signed-in request's actor
 * is `auth.actor` (requireAuth, requirePermission).
 */
export interface Actor {
  organizationId: string;
  userId: string;
}
