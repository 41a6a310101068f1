// The annual internal audit register (CN-2022 (10)/(11)): recording an audit with its findings and
// their corrective actions in one transaction, refusals that name the field and write nothing, the
// organisation's own records only, the CSV export, the evidence links and the dossier's lines.
import Papa from "papaparse";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { loadRecords } from "~/lib/dossiers/dossier-records.server";
import { actionSources } from "~/lib/actions/action-queries.server";
import * as auditRoute from "~/routes/_app.internal-audits.$auditId";
import * as listRoute from "~/routes/_app.internal-audits._index";
import * as newRoute from "~/routes/_app.internal-audits.new";
import * as csvRoute from "~/routes/internal-audits.export[.]csv";
import { addMember, signUpOrganization, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

let org: SignedUp;
let other: SignedUp;
let ownerId: string;

beforeAll(async () => {
  org = await signUpOrganization();
  other = await signUpOrganization();
  ownerId = (await addMember(org.cookie, "security_lead")).userId;
});

const fields = (overrides: Record<string, string> = {}) => ({
  auditedOn: "2026-11-10",
  scope: "进出口单证、封志管理、商业伙伴管理（两个场所） / Declarations, seals and partner vetting at both sites",
  auditors: "陈敏 Chen Min; 外部顾问 External adviser",
  result: "conforms_with_findings",
  conclusion: "持续符合高级认证标准，两项问题需整改。 / Still meets the standard; two findings to correct.",
  finding1Description: "封志领用登记缺少 3 月两条记录。 / Two seal issues in March not logged.",
  finding1Severity: "minor",
  finding1OwnerUserId: ownerId,
  finding1DueOn: "2026-12-10",
  finding2Description: "培训计划未覆盖新入职叉车司机。 / The training plan misses new forklift drivers.",
  finding2Severity: "observation",
  ...overrides,
});

const counts = async () => ({
  audits: await countRows("internal_audits", sql`organization_id = ${org.organizationId}`),
  findings: await countRows("internal_audit_findings", sql`organization_id = ${org.organizationId}`),
  actions: await countRows("corrective_actions", sql`organization_id = ${org.organizationId}`),
});

let auditId: string;

describe("internal audits", () => {
  test("an audit with two findings: one raises a corrective action; the audit and action are audited and linked as evidence", async () => {
    const before = await counts();
    const created = await callAction(newRoute, "/internal-audits/new", fields(), { cookie: org.cookie });
    expect(created.status, JSON.stringify(created.data)).toBe(302);
    auditId = created.location!.split("/")[2]!.split("?")[0]!;
    expect(await counts()).toEqual({ audits: before.audits + 1, findings: before.findings + 2, actions: before.actions + 1 });

    const page = await callLoader<{ reference: string; findings: { severity: string; actionReference: string | null }[] }>(
      auditRoute,
      `/internal-audits/${auditId}`,
      { cookie: org.cookie, params: { auditId } },
    );
    expect(page.data.reference).toBe("IA-0001");
    expect(page.data.findings.map((f) => [f.severity, f.actionReference !== null])).toEqual([
      ["minor", true],
      ["observation", false],
    ]);

    const [action] = await query<{ id: string; source_type: string; owner_user_id: string; due_on: string; source_id: string; source_item_key: string }>(
      sql`select id, source_type, owner_user_id, due_on::text, source_id, source_item_key from corrective_actions where organization_id = ${org.organizationId} and source_type = 'internal_audit'`,
    );
    expect(action).toMatchObject({ source_id: auditId, owner_user_id: ownerId, due_on: "2026-12-10", source_item_key: "finding-1" });
    const sources = await actionSources(testDb(), org.organizationId, [
      { id: action!.id, sourceType: "internal_audit", sourceId: auditId, sourceItemKey: "finding-1" },
    ]);
    expect(sources.get(action!.id)).toMatchObject({ reference: "IA-0001", href: `/internal-audits/${auditId}` });

    const events = await query<{ entity_type: string }>(
      sql`select entity_type from audit_events where organization_id = ${org.organizationId} and entity_id in (${auditId}, ${action!.id})`,
    );
    expect(events.map((e) => e.entity_type).sort()).toEqual(["corrective_action", "internal_audit"]);

    const links = await query<{ framework: string; key: string }>(sql`
      select f.code as framework, c.key from evidence_links l join criteria c on c.id = l.criterion_id join frameworks f on f.id = c.framework_id
      where l.organization_id = ${org.organizationId} and l.record_type = 'internal_audit' and l.record_id = ${auditId}`);
    expect(links.map((l) => `${l.framework}/${l.key}`).sort()).toEqual(
      ["cn-2014-general/5", "cn-2022-advanced/10", "cn-2022-advanced/11", "ctpat-msc/1.3", "ctpat-msc/10.10", "wco-safe-aeo/M"].sort(),
    );
  });

  test("bad input is refused field by field, in the reader's language, and writes nothing", async () => {
    const before = await counts();
    const refusedWith = async (overrides: Record<string, string>) => {
      const outcome = await callAction(newRoute, "/internal-audits/new", fields(overrides), { cookie: org.cookie });
      expect(outcome.status).toBe(400);
      return errorsOf(outcome);
    };
    expect(keyOf((await refusedWith({ scope: "" })).scope)).toBe("errors.required");
    expect(keyOf((await refusedWith({ auditedOn: "2026-02-30" })).auditedOn)).toBe("errors.date");
    expect(keyOf((await refusedWith({ finding1Severity: "" })).finding1Severity)).toBe("errors.choose");
    expect(keyOf((await refusedWith({ finding1DueOn: "" })).finding1DueOn)).toBe("internalAudits.errors.actionDue");
    expect(keyOf((await refusedWith({ finding1DueOn: "2026-11-01" })).finding1DueOn)).toBe("internalAudits.errors.dueBeforeAudit");
    expect(keyOf((await refusedWith({ finding3Severity: "major" })).finding3Description)).toBe("internalAudits.errors.findingDescription");
    expect(keyOf((await refusedWith({ result: "conforms", finding2Severity: "major" })).result)).toBe("internalAudits.errors.majorButConforms");
    expect(
      keyOf((await refusedWith({ finding1Description: "", finding1Severity: "", finding1OwnerUserId: "", finding1DueOn: "", finding2Description: "", finding2Severity: "" })).finding1Description),
    ).toBe("internalAudits.errors.findingsNeeded");
    // An owner from another organisation is not a member here.
    expect(keyOf((await refusedWith({ finding1OwnerUserId: other.userId })).finding1OwnerUserId)).toBe("internalAudits.errors.owner");
    expect(await counts()).toEqual(before);
  });

  test("another organisation sees neither the audit nor it in its list, and may not record here without the permission", async () => {
    const foreign = await callLoader(auditRoute, `/internal-audits/${auditId}`, { cookie: other.cookie, params: { auditId } });
    expect(foreign.status).toBe(404);
    const list = await callLoader<{ audits: unknown[] }>(listRoute, "/internal-audits", { cookie: other.cookie });
    expect(list.data.audits).toEqual([]);
    const guard = await addMember(org.cookie, "security");
    const refused = await callAction(newRoute, "/internal-audits/new", fields(), { cookie: guard.cookie });
    expect(refused.status).toBe(403);
  });

  test("the CSV export lists the audit in the reader's language", async () => {
    const response = (await csvRoute.loader({
      request: getRequest("/internal-audits/export.csv", { cookie: org.cookie }),
      params: {},
      context: {},
    })) as Response;
    expect(response.status).toBe(200);
    const rows = Papa.parse<string[]>((await response.text()).replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    expect(rows[1]?.slice(0, 2)).toEqual(["IA-0001", "2026-11-10"]);
    expect(rows[1]?.slice(5, 8)).toEqual(["2", "0", "1"]);
  });

  test("a dossier prints the audit's line: reference, page, result", async () => {
    const loaded = await loadRecords(testDb(), org.organizationId, "internal_audit", [auditId]);
    const line = loaded.get(auditId);
    expect(line?.reference).toBe("IA-0001");
    expect(line?.path).toBe(`/internal-audits/${auditId}`);
    expect(line?.result).toEqual({ zh: "基本符合，有待改进", en: "Conforms, with findings" });
    expect(await loadRecords(testDb(), other.organizationId, "internal_audit", [auditId])).toEqual(new Map());
  });
});
