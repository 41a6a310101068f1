import { and, desc, eq } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { ReactElement } from "react";
import { outboxEmails, type OutboxEmail } from "../../../db/schema";
import type { Database, Executor } from "../db-types.server";
import { env } from "../env.server";
import { enqueue, queues } from "../jobs/job-engine.server";
import { logger } from "../logger.server";

export interface EmailToStore {
  organizationId: string;
  kind: OutboxEmail["kind"];
  to: string;
  subject: string;
  element: ReactElement;
}

/**
 * Renders an email and stores it in the outbox, inside the caller's transaction so it exists
 * exactly when the record that caused it does. With SMTP_URL, a delivery job is added in the same
 * transaction: a worker sends it once the transaction has committed, retrying with backoff.
 */
export async function storeEmail(tx: Executor, email: EmailToStore): Promise<OutboxEmail> {
  // Loaded with the first email rather than at start (as are the templates and nodemailer).
  const { render } = await import("@react-email/render");
  const html = await render(email.element);
  const text = await render(email.element, { plainText: true });
  const [row] = await tx
    .insert(outboxEmails)
    .values({
      organizationId: email.organizationId,
      kind: email.kind,
      to: email.to,
      subject: email.subject,
      html,
      text,
      status: env().SMTP_URL ? "queued" : "stored",
    })
    .returning();
  if (!row) throw new Error("storeEmail: insert returned nothing");
  // The servers start the job engine before they take requests, so it is running here.
  if (row.status === "queued") await enqueue(tx, queues.email, { emailId: row.id });
  return row;
}

const transporters = new Map<string, Transporter>();
async function smtp(url: string): Promise<Transporter> {
  const { default: nodemailer } = await import("nodemailer");
  // Looked up after the import: two first sends at once still share one transport.
  let transporter = transporters.get(url);
  if (!transporter) {
    transporter = nodemailer.createTransport(url);
    transporters.set(url, transporter);
  }
  return transporter;
}

/** Written on an email whose sending was interrupted: it may have left, so it is not sent again. */
export const INTERRUPTED_DELIVERY = "outbox.interrupted";

/**
 * The email queue's handler: sends one outbox email over SMTP_URL, at most once. The row is claimed
 * (queued → sending) before the message is handed to the server, so two workers, or a retry, never
 * send it twice; a failure puts it back in the queue (or, on the last attempt, marks it failed) and
 * throws, so the engine tries again later. A row left "sending" by a worker that died may or may not
 * have been delivered: it is marked failed for an administrator to look at, never sent again.
 */
export async function deliverOutboxEmail(db: Database, emailId: string, lastAttempt: boolean, url = env().SMTP_URL): Promise<void> {
  if (!url) return;
  const [email] = await db
    .update(outboxEmails)
    .set({ status: "sending", error: null })
    .where(and(eq(outboxEmails.id, emailId), eq(outboxEmails.status, "queued")))
    .returning();
  if (!email) {
    await db
      .update(outboxEmails)
      .set({ status: "failed", error: INTERRUPTED_DELIVERY })
      .where(and(eq(outboxEmails.id, emailId), eq(outboxEmails.status, "sending")));
    return;
  }
  try {
    // The Message-ID names the outbox row: a receiving server that sees it twice knows it is one message.
    await (await smtp(url)).sendMail({
      from: env().MAIL_FROM,
      to: email.to,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: `<${email.id}@outbox.tradeguard>`,
    });
  } catch (error) {
    logger.warn({ err: error, emailId, lastAttempt }, "email delivery failed");
    await db
      .update(outboxEmails)
      .set({ status: lastAttempt ? "failed" : "queued", error: error instanceof Error ? error.message : String(error) })
      .where(and(eq(outboxEmails.id, emailId), eq(outboxEmails.status, "sending")));
    throw error;
  }
  await db.update(outboxEmails).set({ status: "sent", sentAt: new Date(), error: null }).where(eq(outboxEmails.id, emailId));
}

export async function listOutbox(db: Database, orgId: string) {
  return db
    .select({
      id: outboxEmails.id,
      kind: outboxEmails.kind,
      to: outboxEmails.to,
      subject: outboxEmails.subject,
      status: outboxEmails.status,
      createdAt: outboxEmails.createdAt,
    })
    .from(outboxEmails)
    .where(eq(outboxEmails.organizationId, orgId))
    .orderBy(desc(outboxEmails.createdAt))
    .limit(200);
}

export async function getOutboxEmail(db: Database, orgId: string, id: string) {
  const [row] = await db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.organizationId, orgId), eq(outboxEmails.id, id)));
  return row ?? null;
}
