// The IT security checks (step 12): the access review and the backup and restore test are built-in
// checklist templates, so they load with the catalogue, feed CN-2022 (9) and CTPAT 4.x through their
// points, are scheduled quarterly or monthly, and raise corrective actions for failed points like
// every inspection.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import type { DraftInput } from "~/lib/inspections/inspection-drafts.server";
import { submitInspection } from "~/lib/inspections/inspection-submission.server";
import { listSchedules } from "~/lib/inspections/schedules.server";
import { criteriaFedByTemplates, getCurrentTemplate } from "~/lib/inspections/templates.server";
import * as schedulesRoute from "~/routes/_app.schedules._index";
import { createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { callAction, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

let org: SignedUp;
let siteId: string;

beforeAll(async () => {
  org = await signUpOrganization();
  siteId = (await createSite(org.cookie)).id;
});

const actor = () => ({ organizationId: org.organizationId, userId: org.userId, timeZone: "Asia/Shanghai" });

async function submit(code: string, values: Record<string, string>) {
  const template = await getCurrentTemplate(testDb(), org.organizationId, code);
  if (!template) throw new Error(`${code} is not loaded`);
  const input: DraftInput = {
    draftKey: randomUUID(),
    templateId: template.id,
    values: { siteId, occurredAt: "2026-11-20T09:30", ...values },
    photos: [],
  };
  return submitInspection(testDb(), actor(), input, new Date("2026-11-21T00:00:00Z"));
}

const accessReview = (overrides: Record<string, string> = {}) => ({
  systemsReviewed: "ERP, 单一窗口报关系统",
  "answer_leavers-removed": "yes",
  "answer_rights-match-role": "pass",
  "answer_individual-accounts": "yes",
  "answer_password-mfa": "pass",
  "answer_remote-access": "pass",
  "answer_unauthorised-access-found": "no",
  "answer_review-summary": "46 accounts reviewed, 2 rights withdrawn.",
  ...overrides,
});

describe("IT security checks", () => {
  test("both templates load with the catalogue and feed CN-2022 (9) and the CTPAT cybersecurity criteria", async () => {
    for (const code of ["it-access-review", "backup-restore-test"]) {
      expect(await getCurrentTemplate(testDb(), org.organizationId, code), code).toBeTruthy();
    }
    const fed = await criteriaFedByTemplates(testDb(), org.organizationId);
    for (const ref of ["cn-2022-advanced/9", "cn-2014-general/8", "ctpat-msc/4.7-4.8-4.9", "ctpat-msc/4.5", "ctpat-msc/4.12", "ctpat-msc/4.2-4.3"]) {
      expect(fed.has(ref), ref).toBe(true);
    }
  });

  test("a submitted access review links its criteria; a leaver's live account raises a corrective action due in 14 days", async () => {
    const outcome = await submit(
      "it-access-review",
      accessReview({ "answer_leavers-removed": "no", "note_leavers-removed": "王磊 left on 10-31, ERP account still active" }),
    );
    expect(outcome?.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome?.ok) return;
    const links = await query<{ framework: string; key: string }>(sql`
      select f.code as framework, c.key from evidence_links l
      join criteria c on c.id = l.criterion_id join frameworks f on f.id = c.framework_id
      where l.organization_id = ${org.organizationId} and l.record_type = 'inspection' and l.record_id = ${outcome.id}`);
    const refs = links.map((l) => `${l.framework}/${l.key}`);
    expect(refs).toEqual(expect.arrayContaining(["cn-2022-advanced/9", "ctpat-msc/4.7-4.8-4.9", "ctpat-msc/4.5", "wco-safe-aeo/F"]));
    const actions = await query<{ source_item_key: string; due_on: string }>(sql`
      select source_item_key, due_on::text from corrective_actions
      where organization_id = ${org.organizationId} and source_type = 'inspection' and source_id = ${outcome.id}`);
    expect(actions).toEqual([{ source_item_key: "leavers-removed", due_on: "2026-12-04" }]);
  });

  test("the systems covered are required, and a failed point needs its note: nothing is written", async () => {
    const before = await countRows("inspections", sql`organization_id = ${org.organizationId} and status = 'submitted'`);
    const missing = await submit("it-access-review", accessReview({ systemsReviewed: "", "answer_rights-match-role": "fail" }));
    expect(missing?.ok).toBe(false);
    const errors = missing && !missing.ok && "errors" in missing ? (missing.errors as Record<string, string>) : {};
    expect(keyOf(errors.systemsReviewed)).toBe("errors.required");
    expect(Object.keys(errors)).toContain("note_rights-match-role");
    expect(await countRows("inspections", sql`organization_id = ${org.organizationId} and status = 'submitted'`)).toBe(before);
  });

  test("a restore that takes over 24 hours fails the backup test", async () => {
    const outcome = await submit("backup-restore-test", {
      systemsReviewed: "ERP",
      "answer_backups-completed": "yes",
      "answer_offsite-copy": "pass",
      answer_encrypted: "pass",
      "answer_restore-succeeded": "pass",
      "answer_restore-hours": "30",
      "note_restore-hours": "Restore from the off-site copy took 30 h over the network.",
      "answer_test-summary": "ERP backup of 11-15 restored to the test server.",
    });
    expect(outcome?.ok, JSON.stringify(outcome)).toBe(true);
    if (!outcome?.ok) return;
    expect(
      await countRows("corrective_actions", sql`organization_id = ${org.organizationId} and source_id = ${outcome.id} and source_item_key = 'restore-hours'`),
    ).toBe(1);
  });

  test("the access review is scheduled quarterly and the quarter's review covers it", async () => {
    const created = await callAction(
      schedulesRoute,
      "/schedules",
      { intent: "create", siteId, templateCode: "it-access-review", frequency: "quarterly", startsOn: "2026-10-01" },
      { cookie: org.cookie },
    );
    expect(created.status).toBe(302);
    const schedules = await listSchedules(testDb(), org.organizationId, "Asia/Shanghai", new Date("2026-11-25T02:00:00Z"));
    const review = schedules.find((s) => s.schedule.templateCode === "it-access-review");
    expect(review?.status).toEqual({ state: "done", next: { start: "2027-01-01", end: "2027-03-31" } });
  });
});
