// Migration 0018's data part: links written before Step 12 (seal records on CN-2014 item 26, drills on
// CTPAT 12.7-12.10) are moved to the criteria the registry feeds now (item 25, 2.4), and the coverage
// table follows. The links are first put back where the old registry wrote them, then the
// migration's statements after the column change are run again on them.
import { readFileSync } from "node:fs";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("evidence-remap"));

import { criteria, evidenceCoverage, frameworks, sealEvents, seals } from "../../db/schema";
import { createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { applyDirect, createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { testDb } from "../support/test-database";
import { createSession, linkedCriteria } from "../support/training-factories";

const statements = readFileSync(new URL("../../db/migrations/0018_seal_load_state.sql", import.meta.url), "utf8")
  .split("--> statement-breakpoint")
  .slice(1);

let org: SignedUp;
let applicationId: string;
let drillId: string;

async function criterionId(framework: string, key: string) {
  const [row] = await testDb()
    .select({ id: criteria.id })
    .from(criteria)
    .innerJoin(frameworks, eq(frameworks.id, criteria.frameworkId))
    .where(and(eq(frameworks.code, framework), eq(criteria.key, key)));
  if (!row) throw new Error(`${framework}/${key} not loaded`);
  return row.id;
}

async function coverageOf(framework: string, key: string, recordType: string) {
  const rows = await testDb()
    .select({ links: evidenceCoverage.links })
    .from(evidenceCoverage)
    .where(
      and(
        eq(evidenceCoverage.organizationId, org.organizationId),
        eq(evidenceCoverage.criterionId, await criterionId(framework, key)),
        eq(evidenceCoverage.recordType, recordType),
      ),
    );
  return rows.reduce((sum, r) => sum + r.links, 0);
}

async function moveLink(recordType: string, recordId: string, from: [string, string], to: [string, string]) {
  await testDb().execute(
    sql`update evidence_links set criterion_id = ${await criterionId(...to)}
        where organization_id = ${org.organizationId} and record_type = ${recordType} and record_id = ${recordId}
          and criterion_id = ${await criterionId(...from)}`,
  );
}

beforeAll(async () => {
  org = await signUpOrganization();
  const siteId = (await createSite(org.cookie)).id;
  const actor = sealActor(org);
  const number = `${sealPrefix()}0001`;
  await receiveRange(actor, await createModel(actor), number, number, siteId, "2026-01-05T08:00");
  expect((await applyDirect(actor, number)).ok).toBe(true);
  const [seal] = await testDb().select().from(seals).where(and(eq(seals.organizationId, org.organizationId), eq(seals.number, number)));
  const [event] = await testDb()
    .select()
    .from(sealEvents)
    .where(and(eq(sealEvents.sealId, seal!.id), eq(sealEvents.kind, "applied")));
  applicationId = event!.id;
  drillId = await createSession(org.cookie, {}, "drill");
  // As the registry wrote them before Step 12.
  await moveLink("seal_application", applicationId, ["cn-2014-general", "25"], ["cn-2014-general", "26"]);
  await moveLink("drill", drillId, ["ctpat-msc", "2.4"], ["ctpat-msc", "12.7-12.8-12.9-12.10"]);
});

describe("migration 0018: evidence links follow the corrected registry", () => {
  test("a seal application on CN-2014 item 26 moves to item 25; a drill on CTPAT 12.7-12.10 moves to 2.4; coverage follows", async () => {
    expect(await linkedCriteria("seal_application", applicationId)).toContain("cn-2014-general/26");
    expect(await coverageOf("cn-2014-general", "26", "seal_application")).toBe(1);
    expect(await linkedCriteria("drill", drillId)).toContain("ctpat-msc/12.7-12.8-12.9-12.10");

    for (const statement of statements) await testDb().execute(sql.raw(statement));

    const application = await linkedCriteria("seal_application", applicationId);
    expect(application).toContain("cn-2014-general/25");
    expect(application).not.toContain("cn-2014-general/26");
    expect(await coverageOf("cn-2014-general", "26", "seal_application")).toBe(0);
    expect(await coverageOf("cn-2014-general", "25", "seal_application")).toBe(1);
    const drill = await linkedCriteria("drill", drillId);
    expect(drill).toContain("ctpat-msc/2.4");
    expect(drill).not.toContain("ctpat-msc/12.7-12.8-12.9-12.10");

    // Run twice, nothing changes: the statements are safe on data already moved.
    for (const statement of statements) await testDb().execute(sql.raw(statement));
    expect(await linkedCriteria("seal_application", applicationId)).toEqual(application);
    expect(await linkedCriteria("drill", drillId)).toEqual(drill);
  });
});
