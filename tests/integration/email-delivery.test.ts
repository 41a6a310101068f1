// Outbox emails delivered by the email queue's handler: sent once however often the job runs, put
// back in the queue when the mail server refuses (failed on the last attempt), and never sent again
// after a worker died while sending. The mail server is an SMTP server this test starts.
import { createElement } from "react";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { outboxEmails } from "../../db/schema";
import { deliverOutboxEmail, INTERRUPTED_DELIVERY, storeEmail } from "~/lib/email/email.server";
import { signUpOrganization, type SignedUp } from "../support/factories";
import { testDb } from "../support/test-database";

let owner: SignedUp;
let received: string[] = [];
let refuse = false;
let server: SMTPServer;
let url: string;

beforeAll(async () => {
  owner = await signUpOrganization();
  // STARTTLS off: smtp-server's built-in certificate has expired.
  server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let body = "";
      stream.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      stream.on("end", () => {
        if (refuse) return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 451 }));
        received.push(body);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}?ignoreTLS=true`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** An outbox row as storeEmail writes it when a mail server is configured. */
async function queuedEmail(subject: string) {
  const row = await storeEmail(testDb(), {
    organizationId: owner.organizationId,
    kind: "invitation",
    to: "someone@example.test",
    subject,
    element: createElement("p", null, subject),
  });
  await testDb().update(outboxEmails).set({ status: "queued" }).where(eq(outboxEmails.id, row.id));
  return row.id;
}

const statusOf = async (id: string) => (await testDb().select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0]!;

describe("the email queue's handler", () => {
  test("sends a queued email once, however often its job runs", async () => {
    received = [];
    const id = await queuedEmail("Once only");
    await deliverOutboxEmail(testDb(), id, false, url);
    await deliverOutboxEmail(testDb(), id, false, url);
    expect(received).toHaveLength(1);
    expect(received[0]).toContain("Once only");
    expect(received[0]).toContain(`Message-ID: <${id}@outbox.tradeguard>`);
    expect(await statusOf(id)).toMatchObject({ status: "sent", error: null });
  });

  test("a refusal puts it back in the queue with the reason and throws for a retry; the last attempt marks it failed", async () => {
    received = [];
    refuse = true;
    const id = await queuedEmail("Refused");
    await expect(deliverOutboxEmail(testDb(), id, false, url)).rejects.toThrow();
    expect(await statusOf(id)).toMatchObject({ status: "queued" });
    expect((await statusOf(id)).error).toContain("mailbox unavailable");
    await expect(deliverOutboxEmail(testDb(), id, true, url)).rejects.toThrow();
    expect((await statusOf(id)).status).toBe("failed");
    refuse = false;
    // A failed email is not picked up again by a late job.
    await deliverOutboxEmail(testDb(), id, false, url);
    expect(received).toHaveLength(0);
  });

  test("an email left sending by a worker that died is marked failed, never sent again", async () => {
    received = [];
    const id = await queuedEmail("Interrupted");
    await testDb().update(outboxEmails).set({ status: "sending" }).where(eq(outboxEmails.id, id));
    await deliverOutboxEmail(testDb(), id, false, url);
    expect(received).toHaveLength(0);
    expect(await statusOf(id)).toMatchObject({ status: "failed", error: INTERRUPTED_DELIVERY });
  });
});
