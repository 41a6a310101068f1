import { render } from "@react-email/render";
import { and, desc, eq } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { ReactElement } from "react";
import { outboxEmails, type OutboxEmail } from "../../../db/schema";
import type { Database, Executor } from "../db.server";
import { env } from "../env.server";
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
 * exactly when the record that caused it does. Call deliverEmail after the commit.
 */
export async function storeEmail(tx: Executor, email: EmailToStore): Promise<OutboxEmail> {
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
  return row;
}

let transporter: Transporter | undefined;
function smtp(url: string): Transporter {
  transporter ??= nodemailer.createTransport(url);
  return transporter;
}

/** Sends a queued email over SMTP_URL, recording sent or failed. Without SMTP_URL it stays in the outbox. */
export async function deliverEmail(db: Database, email: OutboxEmail): Promise<void> {
  const url = env().SMTP_URL;
  if (!url || email.status !== "queued") return;
  try {
    await smtp(url).sendMail({ from: env().MAIL_FROM, to: email.to, subject: email.subject, html: email.html, text: email.text });
    await db.update(outboxEmails).set({ status: "sent", sentAt: new Date() }).where(eq(outboxEmails.id, email.id));
  } catch (error) {
    logger.error({ err: error, emailId: email.id }, "email delivery failed");
    await db
      .update(outboxEmails)
      .set({ status: "failed", error: error instanceof Error ? error.message : String(error) })
      .where(eq(outboxEmails.id, email.id));
  }
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
