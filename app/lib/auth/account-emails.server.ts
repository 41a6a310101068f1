// The account-email queue's work: what happens after someone asks for a password reset, or tries to
// sign up with an address that already has an account. The web request only adds the job (the same
// job whether or not an account exists), so whether an address is known never shows in its answer
// or its timing; the lookups, the token and the rendering of the email happen here, in a worker.
import { and, asc, count, eq, gt } from "drizzle-orm";
import { createElement } from "react";
import { memberships, organizations, outboxEmails, passwordResetTokens } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { storeEmail } from "../email/email.server";
import type { Locale } from "../i18n/config";
import { formatDateTime } from "../i18n/format";
import type { JobData, queues } from "../jobs/job-engine.server";
import { findUserByEmail } from "./accounts.server";
import { hashToken, newToken } from "./tokens.server";

export const RESET_TOKEN_MINUTES = 60;
/** Reset emails per account and hour: more requests are answered the same and send nothing. */
export const MAX_RESET_EMAILS_PER_HOUR = 3;
/** "Someone tried to sign up with your address" emails per account and hour. */
export const MAX_SIGNUP_NOTICES_PER_HOUR = 3;

export type AccountEmailJob = JobData[typeof queues.accountEmail];

export async function runAccountEmailJob(db: Database, job: AccountEmailJob): Promise<void> {
  if (job.reason === "password-reset") await sendPasswordReset(db, job);
  else await sendSignupAttemptNotice(db, job);
}

/** The account behind an address, with the organisation its emails are kept under. */
async function accountWithHome(db: Database, email: string) {
  const user = await findUserByEmail(db, email);
  if (!user) return null;
  const [home] = await db
    .select({ organizationId: memberships.organizationId, timeZone: organizations.timeZone })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, user.id))
    .orderBy(asc(memberships.status), asc(memberships.createdAt))
    .limit(1);
  return home ? { user, home } : null;
}

const hourAgo = () => new Date(Date.now() - 60 * 60_000);

/** Emails a reset link when the address belongs to an account; nothing otherwise. */
async function sendPasswordReset(db: Database, input: { email: string; locale: Locale; baseUrl: string }) {
  const account = await accountWithHome(db, input.email);
  if (!account) return;
  const { user, home } = account;
  const [open] = await db
    .select({ value: count() })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.userId, user.id), gt(passwordResetTokens.createdAt, hourAgo())));
  if ((open?.value ?? 0) >= MAX_RESET_EMAILS_PER_HOUR) return;

  const token = newToken();
  const expiresAt = new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000);
  const locale = user.locale ?? input.locale;
  // The template loads with the first email of its kind: react-email is too heavy for every start.
  const { PasswordResetEmail, passwordResetSubject } = await import("../../../emails/password-reset");
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetTokens).values({ userId: user.id, tokenHash: hashToken(token), expiresAt });
    await storeEmail(tx, {
      organizationId: home.organizationId,
      kind: "password_reset",
      to: user.email,
      subject: passwordResetSubject({ locale }),
      element: createElement(PasswordResetEmail, {
        locale,
        name: user.name,
        url: `${input.baseUrl}/reset-password?token=${encodeURIComponent(token)}`,
        expiresAt: formatDateTime(expiresAt, locale, home.timeZone),
      }),
    });
  });
}

/**
 * Tells an account that someone tried to create an organisation with its address, with a link to
 * log in and one to reset the password (no token: the reset page asks for the address again).
 */
async function sendSignupAttemptNotice(db: Database, input: { email: string; locale: Locale; baseUrl: string }) {
  const account = await accountWithHome(db, input.email);
  if (!account) return;
  const { user, home } = account;
  const [sent] = await db
    .select({ value: count() })
    .from(outboxEmails)
    .where(
      and(
        eq(outboxEmails.organizationId, home.organizationId),
        gt(outboxEmails.createdAt, hourAgo()),
        eq(outboxEmails.kind, "signup_attempt"),
        eq(outboxEmails.to, user.email),
      ),
    );
  if ((sent?.value ?? 0) >= MAX_SIGNUP_NOTICES_PER_HOUR) return;
  const locale = user.locale ?? input.locale;
  const { SignupAttemptEmail, signupAttemptSubject } = await import("../../../emails/signup-attempt");
  await db.transaction((tx) =>
    storeEmail(tx, {
      organizationId: home.organizationId,
      kind: "signup_attempt",
      to: user.email,
      subject: signupAttemptSubject({ locale }),
      element: createElement(SignupAttemptEmail, {
        locale,
        name: user.name,
        loginUrl: `${input.baseUrl}/login`,
        resetUrl: `${input.baseUrl}/reset-password`,
      }),
    }),
  );
}
