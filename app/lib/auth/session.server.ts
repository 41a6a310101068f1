import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { eq, lt } from "drizzle-orm";
import { sessions } from "../../../db/schema";
import type { Executor } from "../db-types.server";
import { env } from "../env.server";
import { logger } from "../logger.server";
import { hashToken, newToken } from "./tokens.server";

export const SESSION_DAYS = 14;

function sessionSecret(): string {
  const config = env();
  if (config.SESSION_SECRET) return config.SESSION_SECRET;
  // Zero-setup runs keep a generated secret beside their data, so restarts keep people logged in.
  const file = path.join(config.DATA_DIR, "session-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(config.DATA_DIR, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("hex");
  writeFileSync(file, secret, { mode: 0o600 });
  logger.warn({ file }, "SESSION_SECRET is not set; generated one");
  return secret;
}

/**
 * Secure in production. The one exception is plain http on a loopback address (the README's local
 * demo and the browser tests), where a Secure cookie would never come back.
 */
function secureFor(request: Request): boolean {
  if (env().NODE_ENV !== "production") return false;
  const url = new URL(request.url);
  const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return !(url.protocol === "http:" && loopback);
}

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("__tg_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secrets: [sessionSecret()],
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
  return cookie;
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export interface NewSession {
  userId: string;
  organizationId: string;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/** Creates a session row and returns the Set-Cookie header value that carries its token. */
export async function createSession(db: Executor, request: Request, input: NewSession): Promise<string> {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    organizationId: input.organizationId,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000),
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return sessionCookie().serialize(token, { secure: secureFor(request) });
}

export async function deleteSessionByToken(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}

export async function switchSessionOrganization(db: Executor, sessionId: string, organizationId: string) {
  await db.update(sessions).set({ organizationId }).where(eq(sessions.id, sessionId));
}

export function clearSessionCookie(request: Request): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0, secure: secureFor(request) });
}
