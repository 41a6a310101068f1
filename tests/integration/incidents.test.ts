// Incidents and the customs-contact log below the browser: a guard's report through /incidents/new,
// bad input refused with translated messages and nothing written, closing rules (investigation, root
// cause, customs notification for the kinds that require it), a corrective action raised from an
// incident, the customs-contact log, tenancy, the CSV exports and the dossier's lines.
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { correctiveActions, evidenceLinks, incidents, type Site } from "../../db/schema";
import { loadRecords } from "~/lib/dossiers/dossier-records.server";
import { incidentReference } from "~/lib/incidents/incident-rules";
import * as actionRoute from "~/routes/_app.actions.$actionId/route";
import * as actionsRoute from "~/routes/_app.actions._index";
import * as contactRoute from "~/routes/_app.customs-contacts.$contactId";
import * as newContactRoute from "~/routes/_app.customs-contacts.new";
import * as incidentRoute from "~/routes/_app.incidents.$incidentId/route";
import * as listRoute from "~/routes/_app.incidents._index";
import * as newRoute from "~/routes/_app.incidents.new";
import * as contactsCsvRoute from "~/routes/customs-contacts.export[.]csv";
import * as csvRoute from "~/routes/incidents.export[.]csv";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, getRequest, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

let owner: SignedUp;
let guard: Member;
let gate: Site;

beforeAll(async () => {
  owner = await signUpOrganization();
  guard = await addMember(owner.cookie, "security");
  gate = await createSite(owner.cookie, { nameZh: "一号门", nameEn: "Gate 1" });
});

async function footprint(orgId: string) {
  const counts: Record<string, number> = {};
  for (const table of ["incidents", "customs_contacts", "corrective_actions", "evidence_links", "audit_events"])
    counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

async function report(cookie: string, fields: Record<string, string> = {}) {
  const outcome = await callAction(newRoute, "/incidents/new", {
    siteId: gate.id,
    kind: "seal_tampering",
    location: "二号月台 MSKU1234565",
    discoveredBy: "保安小王",
    description: "封志号与单证不符，封志有撬痕",
    containment: "扣箱，保留封志",
    ...fields,
  }, { cookie });
  expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
  const id = outcome.location!.split("/")[2]!.split("?")[0]!;
  const [row] = await testDb().select().from(incidents).where(eq(incidents.id, id));
  return row!;
}

describe("reporting an incident", () => {
  test("a guard's report is written with its audit event and evidence links in every framework", async () => {
    const incident = await report(guard.cookie);
    expect(incident.status).toBe("open");
    expect(incident.reportedByUserId).toBe(guard.userId);
    const links = await query(sql`select c.key, f.code as framework from evidence_links l join criteria c on c.id = l.criterion_id
      join frameworks f on f.id = c.framework_id where l.record_type = 'incident' and l.record_id = ${incident.id}`);
    const frameworks = new Set(links.map((l) => (l as { framework: string }).framework));
    expect([...frameworks].sort()).toEqual(["cn-2014-general", "cn-2022-advanced", "ctpat-msc", "wco-safe-aeo"]);
    const [audit] = await query(sql`select action from audit_events where entity_type = 'incident' and entity_id = ${incident.id}`);
    expect(audit).toMatchObject({ action: "create" });
  });

  test("bad input is refused with translated messages and nothing is written", async () => {
    const before = await footprint(owner.organizationId);
    const outcome = await callAction(newRoute, "/incidents/new", { siteId: "nope", kind: "fire", discoveredBy: "", description: "", discoveredAt: "2026-13-40T25:00" }, { cookie: guard.cookie });
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(keyOf(errors.siteId)).toBe("incidents.errors.site");
    expect(keyOf(errors.kind)).toBe("incidents.errors.kind");
    expect(keyOf(errors.discoveredAt)).toBe("incidents.errors.dateTime");
    expect(keyOf(errors.description)).toBe("errors.required");
    const future = await callAction(newRoute, "/incidents/new", {
      siteId: gate.id, kind: "intrusion", discoveredBy: "x", description: "y", discoveredAt: "2099-01-01T10:00",
    }, { cookie: guard.cookie });
    expect(keyOf(errorsOf(future).discoveredAt)).toBe("incidents.errors.future");
    expect(await footprint(owner.organizationId)).toEqual(before);
  });
});

describe("handling and closing", () => {
  test("closing needs the investigation, the root cause and, for seal tampering, the customs notification", async () => {
    const incident = await report(guard.cookie, { discoveredAt: "2026-12-01T08:00" });
    const path = `/incidents/${incident.id}`;
    const params = { incidentId: incident.id };
    const guardTry = await callAction(incidentRoute, path, { intent: "update", status: "closed" }, { cookie: guard.cookie, params });
    expect(guardTry.status).toBe(403);
    const before = await footprint(owner.organizationId);
    const refused = await callAction(incidentRoute, path, { intent: "update", status: "closed" }, { cookie: owner.cookie, params });
    expect(refused.status).toBe(400);
    expect(Object.fromEntries(Object.entries(errorsOf(refused)).map(([k, v]) => [k, keyOf(v)]))).toEqual({
      investigation: "incidents.errors.closeNeedsInvestigation",
      rootCause: "incidents.errors.closeNeedsRootCause",
      customsNotifiedAt: "incidents.errors.closeNeedsCustoms",
    });
    const noOffice = await callAction(incidentRoute, path, { intent: "update", status: "investigating", customsNotifiedAt: "2026-01-01T10:00" }, { cookie: owner.cookie, params });
    expect(keyOf(errorsOf(noOffice).customsOffice)).toBe("incidents.errors.customsOffice");
    expect(await footprint(owner.organizationId)).toEqual(before);

    const early = await callAction(incidentRoute, path, { intent: "update", status: "investigating", customsNotifiedAt: "2026-12-01T07:00", customsOffice: "苏州海关" }, { cookie: owner.cookie, params });
    expect(keyOf(errorsOf(early).customsNotifiedAt)).toBe("incidents.errors.notifiedBeforeFound");
    const local = "2026-12-01T09:00";
    const closed = await callAction(incidentRoute, path, {
      intent: "update", status: "closed", investigation: "调取监控，司机途中停车", rootCause: "途中停车无人看管", customsNotifiedAt: local, customsOffice: "苏州海关",
    }, { cookie: owner.cookie, params });
    expect(closed.status, JSON.stringify(closed.data)).toBe(302);
    const [row] = await testDb().select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row).toMatchObject({ status: "closed", customsOffice: "苏州海关", closedByUserId: owner.userId });
  });

  test("a corrective action is raised from the incident and named by it", async () => {
    const incident = await report(guard.cookie, { kind: "intrusion" });
    const params = { incidentId: incident.id };
    const bad = await callAction(incidentRoute, `/incidents/${incident.id}`, { intent: "action", title: "", ownerUserId: owner.userId, dueOn: "2000-01-01" }, { cookie: owner.cookie, params });
    expect(keyOf(errorsOf(bad).title)).toBe("errors.required");
    const ok = await callAction(incidentRoute, `/incidents/${incident.id}`, { intent: "action", title: "加装围墙红外报警", ownerUserId: owner.userId, dueOn: "2099-01-01" }, { cookie: owner.cookie, params });
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    const actions = await testDb().select().from(correctiveActions).where(and(eq(correctiveActions.sourceType, "incident"), eq(correctiveActions.sourceId, incident.id)));
    expect(actions).toHaveLength(1);
    const page = await callLoader<Awaited<ReturnType<typeof incidentRoute.loader>>>(incidentRoute, `/incidents/${incident.id}`, { cookie: owner.cookie, params });
    expect(page.data.actions.map((a) => a.title)).toEqual(["加装围墙红外报警"]);

    // The action list and the action's page name the incident that raised it, with a link to it.
    const reference = incidentReference(incident.number);
    const list = await callLoader<Awaited<ReturnType<typeof actionsRoute.loader>>>(actionsRoute, "/actions", { cookie: owner.cookie });
    const listed = list.data.actions.find((a) => a.id === actions[0]!.id);
    expect(listed?.source).toEqual({ type: "incident", href: `/incidents/${incident.id}`, reference });
    expect(listed?.titles.zh).toBe(`${reference} · 加装围墙红外报警`);
    const detail = await callLoader<Awaited<ReturnType<typeof actionRoute.loader>>>(actionRoute, `/actions/${actions[0]!.id}`, {
      cookie: owner.cookie,
      params: { actionId: actions[0]!.id },
    });
    expect(detail.data.source).toEqual({ type: "incident", href: `/incidents/${incident.id}`, reference });
  });
});

describe("the customs-contact log", () => {
  test("a contact about an incident is logged with its evidence; bad input writes nothing", async () => {
    const incident = await report(guard.cookie, { kind: "smuggling_suspicion" });
    const before = await footprint(owner.organizationId);
    const bad = await callAction(newContactRoute, "/customs-contacts/new", { contactedOn: "2099-01-01", kind: "x", channel: "", customsOffice: "", subject: "s", summary: "t", incidentId: "00000000-0000-4000-8000-000000000000" }, { cookie: owner.cookie });
    expect(bad.status).toBe(400);
    expect(keyOf(errorsOf(bad).kind)).toBe("customsContacts.errors.kind");
    expect(keyOf(errorsOf(bad).channel)).toBe("customsContacts.errors.channel");
    expect(keyOf(errorsOf(bad).customsOffice)).toBe("errors.required");
    expect(await footprint(owner.organizationId)).toEqual(before);
    const guardTry = await callAction(newContactRoute, "/customs-contacts/new", {}, { cookie: guard.cookie });
    expect(guardTry.status).toBe(403);
    const ok = await callAction(newContactRoute, "/customs-contacts/new", {
      contactedOn: "2026-03-02", kind: "notification", channel: "phone", customsOffice: "苏州海关", contactPerson: "李科长", subject: "可疑货物报告", summary: "电话报告可疑货物", incidentId: incident.id,
    }, { cookie: owner.cookie });
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    const contactId = ok.location!.split("/")[2]!.split("?")[0]!;
    const links = await testDb().select().from(evidenceLinks).where(and(eq(evidenceLinks.recordType, "customs_contact"), eq(evidenceLinks.recordId, contactId)));
    expect(links.length).toBeGreaterThanOrEqual(4);
    const page = await callLoader<Awaited<ReturnType<typeof contactRoute.loader>>>(contactRoute, `/customs-contacts/${contactId}`, { cookie: owner.cookie, params: { contactId } });
    expect(page.data.contact.incidentId).toBe(incident.id);

    const csv = await contactsCsvRoute.loader({ request: getRequest("/customs-contacts/export.csv", { cookie: owner.cookie }), params: {}, context: {} });
    const rows = Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, "").trim()).data;
    expect(rows[0]?.[0]).toBe("编号");
    expect(rows.some((r) => r.includes("可疑货物报告"))).toBe(true);

    // Another organisation sees nothing of it.
    const other = await signUpOrganization();
    const foreign = await callLoader(contactRoute, `/customs-contacts/${contactId}`, { cookie: other.cookie, params: { contactId } });
    expect(foreign.status).toBe(404);
    const foreignIncident = await callAction(newContactRoute, "/customs-contacts/new", {
      contactedOn: "2026-03-02", kind: "notification", channel: "phone", customsOffice: "x", subject: "s", summary: "t", incidentId: incident.id,
    }, { cookie: other.cookie });
    expect(keyOf(errorsOf(foreignIncident).incidentId)).toBe("customsContacts.errors.incident");
  });
});

describe("tenancy, export and dossier", () => {
  test("another organisation sees none of the incidents, in the list, the page or the export", async () => {
    const incident = await report(guard.cookie);
    const other = await signUpOrganization();
    const page = await callLoader(incidentRoute, `/incidents/${incident.id}`, { cookie: other.cookie, params: { incidentId: incident.id } });
    expect(page.status).toBe(404);
    const update = await callAction(incidentRoute, `/incidents/${incident.id}`, { intent: "update", status: "investigating" }, { cookie: other.cookie, params: { incidentId: incident.id } });
    expect(update.status).toBe(404);
    const list = await callLoader<Awaited<ReturnType<typeof listRoute.loader>>>(listRoute, "/incidents", { cookie: other.cookie });
    expect(list.data.rows).toEqual([]);
    const csv = await csvRoute.loader({ request: getRequest("/incidents/export.csv", { cookie: other.cookie }), params: {}, context: {} });
    expect(Papa.parse<string[]>((await csv.text()).replace(/^\uFEFF/, "").trim()).data).toHaveLength(1);
  });

  test("the export has one row per incident with its customs notification; the dossier prints it", async () => {
    const incident = await report(guard.cookie, { kind: "cargo_discrepancy", description: "短装 3 箱" });
    const csv = await csvRoute.loader({ request: getRequest("/incidents/export.csv?kind=cargo_discrepancy", { cookie: owner.cookie }), params: {}, context: {} });
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trim()).data;
    expect(rows[0]?.slice(0, 3)).toEqual(["编号", "类型", "状态"]);
    const line = rows.find((r) => r.includes("短装 3 箱"));
    expect(line?.[0]).toBe(`INC-${String(incident.number).padStart(4, "0")}`);
    expect(line?.[11]).toBe("是");

    const loaded = await loadRecords(testDb(), owner.organizationId, "incident", [incident.id], { timeZone: "Asia/Shanghai" });
    const record = loaded.get(incident.id);
    expect(record?.reference).toBe(`INC-${String(incident.number).padStart(4, "0")}`);
    expect(record?.summary.zh).toContain("短装 3 箱");
    expect(record?.result?.en).toContain("Customs must be notified");
    expect(record?.site?.zh).toBe("一号门");
    const foreign = await loadRecords(testDb(), (await signUpOrganization()).organizationId, "incident", [incident.id]);
    expect(foreign.size).toBe(0);
  });
});
