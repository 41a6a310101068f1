import { data, redirect } from "@remix-run/node";
import { and, eq, gt } from "drizzle-orm";
import { memberships, organizations, sessions, users } from "../../../db/schema";
import { getDb } from "../db.server";
import type { Database } from "../db-types.server";
import type { Actor } from "./actor";
import { can, rolesWith, type Permission, type Role } from "./permissions";
import { readSessionToken } from "./session.server";
import { hashToken } from "./tokens.server";
import { memoForRequest } from "../request-scope.server";

export interface AuthContext {
  db: Database;
  sessionId: string;
  user: { id: string; email: string; name: string; locale: "zh-CN" | "en" | null };
  membership: { id: string; role: Role };
  organization: typeof organizations.$inferSelect;
  /** The user in this organisation: what every command that writes takes. */
  actor: Actor;
}

// Root, shell and page loaders of one request each ask who is signed in: they share one session
// lookup per cookie (one statement per page instead of three, counted in the PostgreSQL log).
const perRequest = new WeakMap<Request, Promise<AuthContext | null>>();

/** The signed-in user in the session's organisation, or null (also for a deactivated membership). */
export function getAuth(request: Request): Promise<AuthContext | null> {
  return memoForRequest(`auth:${request.headers.get("Cookie") ?? ""}`, () => {
    let auth = perRequest.get(request);
    if (!auth) {
      auth = loadAuth(request);
      perRequest.set(request, auth);
    }
    return auth;
  });
}

async function loadAuth(request: Request): Promise<AuthContext | null> {
  const token = await readSessionToken(request);
  if (!token) return null;
  const db = await getDb();
  // One statement through the unique token index: the session, its active membership, the user and
  // the organisation.
  const [row] = await db
    .select({ sessionId: sessions.id, user: users, membership: memberships, organization: organizations })
    .from(sessions)
    .innerJoin(
      memberships,
      and(
        eq(memberships.userId, sessions.userId),
        eq(memberships.organizationId, sessions.organizationId),
        eq(memberships.status, "active"),
      ),
    )
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row) return null;
  return {
    db,
    sessionId: row.sessionId,
    user: { id: row.user.id, email: row.user.email, name: row.user.name, locale: row.user.locale },
    membership: { id: row.membership.id, role: row.membership.role },
    organization: row.organization,
    actor: { organizationId: row.organization.id, userId: row.user.id },
  };
}

/** Sends a visitor without a session to /login, remembering where they were going. */
export async function requireAuth(request: Request): Promise<AuthContext> {
  const auth = await getAuth(request);
  if (auth) return auth;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` });
  throw redirect(`/login?${params.toString()}`);
}

export interface Denial {
  reason: "forbidden";
  permission: Permission;
  role: Role;
  allowedRoles: readonly Role[];
}

/** Signed in and allowed, or a 403 whose body says which roles may do it. */
export async function requirePermission(request: Request, permission: Permission): Promise<AuthContext> {
  const auth = await requireAuth(request);
  if (!can(auth.membership.role, permission)) {
    throw data<Denial>(
      { reason: "forbidden", permission, role: auth.membership.role, allowedRoles: rolesWith(permission) },
      { status: 403 },
    );
  }
  return auth;
}

/** For pages only guests should see (login, sign-up). */
export async function requireGuest(request: Request): Promise<void> {
  if (await getAuth(request)) throw redirect("/");
}

export function clientAddress(request: Request): string | null {
  return request.headers.get("X-Tradeguard-Client-Address");
}
