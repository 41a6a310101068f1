// Supply-chain risk assessments (CTPAT 2.1/2.3): a draft with its scored threats, refusals that name
// the field and write nothing, approval by a manager who is not the author (four eyes) that links the
// evidence, the organisation's own records only, the CSV export and the dossier's lines.
import Papa from "papaparse";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { loadRecords } from "~/lib/dossiers/dossier-records.server";
import * as detailRoute from "~/routes/_app.risk-assessments.$assessmentId";
import * as listRoute from "~/routes/_app.risk-assessments._index";
import * as newRoute from "~/routes/_app.risk-assessments.new";
import * as csvRoute from "~/routes/risk-assessments.export[.]csv";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

let org: SignedUp;
let other: SignedUp;
let admin: Member;

beforeAll(async () => {
  org = await signUpOrganization();
  other = await signUpOrganization();
  admin = await addMember(org.cookie, "admin");
});

const fields = (overrides: Record<string, string> = {}) => ({
  subjectKind: "route",
  subject: "深圳工厂 → 盐田港（公路） / Shenzhen factory to Yantian port by road",
  assessedOn: "2026-10-15",
  nextReviewOn: "2027-10-14",
  summary: "企业为出口商，负责装箱和施封。 / The company is the exporter; it stuffs and seals the containers.",
  threat1Threat: "途中停车时集装箱被开启夹带 / Container opened at an unplanned stop",
  threat1Likelihood: "3",
  threat1Impact: "5",
  threat1Mitigation: "GPS 轨迹监控，规定路线和停车点，到港核验封志。 / GPS tracking, set route and stops, seal verified at the port.",
  threat2Threat: "封志被替换 / Seal replaced",
  threat2Likelihood: "2",
  threat2Impact: "4",
  threat2Mitigation: "ISO 17712 高安全封志，VVTT 检查。 / ISO 17712 high-security seals, VVTT.",
  ...overrides,
});

const counts = async () => ({
  assessments: await countRows("risk_assessments", sql`organization_id = ${org.organizationId}`),
  threats: await countRows("risk_threats", sql`organization_id = ${org.organizationId}`),
});

let id: string;

describe("risk assessments", () => {
  test("a draft with two threats, scored; its author may not approve it; another manager does, and it becomes evidence", async () => {
    const created = await callAction(newRoute, "/risk-assessments/new", fields(), { cookie: org.cookie });
    expect(created.status, JSON.stringify(created.data)).toBe(302);
    id = created.location!.split("/")[2]!.split("?")[0]!;
    const page = await callLoader<{ reference: string; mayApprove: boolean; threats: { score: number; level: string }[] }>(
      detailRoute,
      `/risk-assessments/${id}`,
      { cookie: org.cookie, params: { assessmentId: id } },
    );
    expect(page.data.reference).toBe("RA-0001");
    expect(page.data.threats.map((t) => [t.score, t.level])).toEqual([
      [15, "high"],
      [8, "medium"],
    ]);
    expect(page.data.mayApprove).toBe(false);

    const own = await callAction(detailRoute, `/risk-assessments/${id}`, { note: "" }, { cookie: org.cookie, params: { assessmentId: id } });
    expect(own.status).toBe(400);
    expect(keyOf(errorsOf(own).form)).toBe("riskAssessments.errors.ownApproval");
    const linksOf = () =>
      query<{ key: string }>(sql`select c.key from evidence_links l join criteria c on c.id = l.criterion_id
        where l.organization_id = ${org.organizationId} and l.record_type = 'risk_assessment' and l.record_id = ${id} order by c.key`);
    expect(await linksOf()).toEqual([]);

    const approved = await callAction(detailRoute, `/risk-assessments/${id}`, { note: "同意。" }, { cookie: admin.cookie, params: { assessmentId: id } });
    expect(approved.status, JSON.stringify(approved.data)).toBe(302);
    expect((await linksOf()).map((l) => l.key)).toEqual(["2.1", "2.2", "2.3"]);
    const events = await query<{ action: string }>(
      sql`select action from audit_events where organization_id = ${org.organizationId} and entity_type = 'risk_assessment' and entity_id = ${id} order by seq`,
    );
    expect(events.map((e) => e.action)).toEqual(["create", "update"]);
    const again = await callAction(detailRoute, `/risk-assessments/${id}`, {}, { cookie: admin.cookie, params: { assessmentId: id } });
    expect(keyOf(errorsOf(again).form)).toBe("riskAssessments.errors.alreadyApproved");
  });

  test("bad input is refused field by field and writes nothing", async () => {
    const before = await counts();
    const refusedWith = async (overrides: Record<string, string>) => {
      const outcome = await callAction(newRoute, "/risk-assessments/new", fields(overrides), { cookie: org.cookie });
      expect(outcome.status).toBe(400);
      return errorsOf(outcome);
    };
    expect(keyOf((await refusedWith({ subjectKind: "planet" })).subjectKind)).toBe("errors.choose");
    expect(keyOf((await refusedWith({ subject: "" })).subject)).toBe("errors.required");
    expect(keyOf((await refusedWith({ threat1Likelihood: "6" })).threat1Likelihood)).toBe("riskAssessments.errors.scale");
    expect(keyOf((await refusedWith({ threat2Mitigation: "" })).threat2Mitigation)).toBe("riskAssessments.errors.mitigation");
    expect(keyOf((await refusedWith({ threat3Impact: "2" })).threat3Threat)).toBe("riskAssessments.errors.threat");
    expect(keyOf((await refusedWith({ nextReviewOn: "2027-12-01" })).nextReviewOn)).toBe("riskAssessments.errors.reviewYearly");
    expect(keyOf((await refusedWith({ nextReviewOn: "2026-10-01" })).nextReviewOn)).toBe("riskAssessments.errors.reviewAfter");
    const none = Object.fromEntries(
      ["Threat", "Likelihood", "Impact", "Mitigation"].flatMap((p) => [[`threat1${p}`, ""], [`threat2${p}`, ""]]),
    );
    expect(keyOf((await refusedWith(none)).threat1Threat)).toBe("riskAssessments.errors.threatsNeeded");
    expect(await counts()).toEqual(before);
  });

  test("another organisation neither sees nor approves it; a guard may not write one", async () => {
    expect((await callLoader(detailRoute, `/risk-assessments/${id}`, { cookie: other.cookie, params: { assessmentId: id } })).status).toBe(404);
    expect((await callAction(detailRoute, `/risk-assessments/${id}`, {}, { cookie: other.cookie, params: { assessmentId: id } })).status).toBe(404);
    const list = await callLoader<{ assessments: unknown[] }>(listRoute, "/risk-assessments", { cookie: other.cookie });
    expect(list.data.assessments).toEqual([]);
    const guard = await addMember(org.cookie, "security");
    expect((await callAction(newRoute, "/risk-assessments/new", fields(), { cookie: guard.cookie })).status).toBe(403);
  });

  test("the CSV export and the dossier's line", async () => {
    const response = (await csvRoute.loader({ request: getRequest("/risk-assessments/export.csv", { cookie: org.cookie }), params: {}, context: {} })) as Response;
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 1)).toEqual(["RA-0001"]);
    expect(rows[1]?.[5]).toBe("2");
    const line = (await loadRecords(testDb(), org.organizationId, "risk_assessment", [id])).get(id);
    expect(line?.reference).toBe("RA-0001");
    expect(line?.path).toBe(`/risk-assessments/${id}`);
    expect(line?.result).toEqual({ zh: "已审批", en: "Approved" });
    expect(await loadRecords(testDb(), other.organizationId, "risk_assessment", [id])).toEqual(new Map());
  });
});
