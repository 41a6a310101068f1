// The monthly evidence counts the dashboard and the criteria pages read (evidence_coverage) stay
// equal to the links they count, whatever writes the links: links added, removed and moved to
// another month through the app's own functions, and the bulk rows of the scale seeder (written
// with triggers off, then rebuilt). Runs on PGlite and PostgreSQL.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { seedScaleOrganization, type ScaleResult } from "../../scripts/bench/scale-data";
import { getFramework, listCriteria } from "~/lib/criteria/criteria.server";
import { coverageForFramework, rebuildEvidenceCoverage, setEvidenceLinks } from "~/lib/evidence/evidence.server";
import { query, testDb } from "../support/test-database";

let seeded: ScaleResult;

beforeAll(async () => {
  seeded = await seedScaleOrganization(testDb(), {
    sites: 1,
    days: 40,
    inspections: 150,
    failureEvery: 10,
    photoInspections: 0,
    sealEvents: 40,
    visitors: 30,
    employees: 10,
    partners: 8,
    quiet: true,
  });
}, 120_000);

/** The monthly rows as counted, and as the links say they should be, in one comparable form. */
async function kept(orgId: string) {
  const counted = await query<{ key: string }>(sql`
    select concat_ws('|', criterion_id, record_type, month, links, newest) as key from evidence_coverage
    where organization_id = ${orgId} order by 1`);
  const expected = await query<{ key: string }>(sql`
    select concat_ws('|', l.criterion_id, l.record_type, date_trunc('month', l.occurred_at at time zone o.time_zone)::date, count(*), max(l.occurred_at)) as key
    from evidence_links l join organizations o on o.id = l.organization_id
    where l.organization_id = ${orgId}
    group by l.criterion_id, l.record_type, date_trunc('month', l.occurred_at at time zone o.time_zone)::date order by 1`);
  return { counted: counted.map((r) => r.key), expected: expected.map((r) => r.key) };
}

describe("monthly evidence counts", () => {
  test("after the seeder's bulk rows, they count every link", async () => {
    const { counted, expected } = await kept(seeded.organizationId);
    expect(expected.length).toBeGreaterThan(10);
    expect(counted).toEqual(expected);
  });

  test("links added, moved to another month and removed keep them exact, and coverage follows", async () => {
    const orgId = seeded.organizationId;
    const framework = await getFramework(testDb(), "cn-2022-advanced");
    const criteria = (await listCriteria(testDb(), framework!.id)).filter((c) => c.options.length > 0);
    const [first, second] = criteria;
    const [owner] = await query<{ id: string }>(sql`select user_id as id from memberships where organization_id = ${orgId} and role = 'owner'`);
    const input = {
      organizationId: orgId,
      userId: owner!.id,
      recordType: "policy" as const,
      recordId: "00000000-0000-4000-8000-000000000001",
      occurredAt: new Date("2026-03-15T02:00:00Z"),
    };
    const now = new Date("2026-12-01T00:00:00Z");
    const before = await coverageForFramework(testDb(), orgId, framework!.id, now);

    await testDb().transaction((tx) => setEvidenceLinks(tx, { ...input, recordType: "inspection" }, [first!.id, second!.id]));
    expect((await kept(orgId)).counted).toEqual((await kept(orgId)).expected);
    const added = await coverageForFramework(testDb(), orgId, framework!.id, now);
    expect(added.get(first!.id)!.recent).toBe((before.get(first!.id)?.recent ?? 0) + 1);

    // Moved to a month that is out of the last twelve: no longer recent, still the newest if it was.
    await testDb().transaction((tx) =>
      setEvidenceLinks(tx, { ...input, recordType: "inspection", occurredAt: new Date("2025-10-01T00:00:00Z") }, [first!.id, second!.id]),
    );
    expect((await kept(orgId)).counted).toEqual((await kept(orgId)).expected);
    const moved = await coverageForFramework(testDb(), orgId, framework!.id, now);
    expect(moved.get(first!.id)?.recent ?? 0).toBe(before.get(first!.id)?.recent ?? 0);

    await testDb().transaction((tx) => setEvidenceLinks(tx, { ...input, recordType: "inspection" }, [second!.id]));
    expect((await kept(orgId)).counted).toEqual((await kept(orgId)).expected);

    // A month of 1 March 00:30 in Shanghai is still February in UTC: the organisation's month counts.
    await testDb().transaction((tx) =>
      setEvidenceLinks(tx, { ...input, recordType: "inspection", recordId: "00000000-0000-4000-8000-000000000002", occurredAt: new Date("2026-02-28T16:30:00Z") }, [
        first!.id,
      ]),
    );
    const [march] = await query<{ month: string }>(sql`
      select month::text as month from evidence_coverage where organization_id = ${orgId} and criterion_id = ${first!.id}
        and record_type = 'inspection' and newest = '2026-02-28T16:30:00Z'::timestamptz`);
    expect(march?.month).toBe("2026-03-01");
  });

  test("a rebuild gives the same rows the triggers kept", async () => {
    const orgId = seeded.organizationId;
    const { counted } = await kept(orgId);
    await rebuildEvidenceCoverage(testDb(), orgId);
    expect((await kept(orgId)).counted).toEqual(counted);
  });
});
