// Every spreadsheet export keeps a user's text as text (CSV injection): records whose typed fields
// hold formula payloads are exported through the routes, and no CSV cell may begin with = + - @,
// a tab or a carriage return (the payloads come back behind an apostrophe), and the XLSX cells are
// plain strings, never formulas.
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import {
  accessItemEvents,
  accessItems,
  inspections,
  partners,
  sealAudits,
  sealEvents,
  sealModels,
  seals,
  sites,
  trainingSessions,
  visitorEntries,
} from "../../db/schema";
import * as badgesEventsCsvRoute from "~/routes/badges.events[.]csv";
import * as badgesCsvRoute from "~/routes/badges.export[.]csv";
import * as itemRoute from "~/routes/_app.badges.$itemId";
import * as inspectionsCsvRoute from "~/routes/inspections.export[.]csv";
import * as partnersCsvRoute from "~/routes/partners.export[.]csv";
import * as partnersXlsxRoute from "~/routes/partners.export[.]xlsx";
import * as personnelCsvRoute from "~/routes/personnel.export[.]csv";
import * as sealsCsvRoute from "~/routes/seals.export[.]csv";
import * as auditsRoute from "~/routes/_app.seals.audits._index";
import * as attendanceCsvRoute from "~/routes/training.attendance[.]csv";
import * as trainingCsvRoute from "~/routes/training.export[.]csv";
import * as visitorsCsvRoute from "~/routes/visitors.export[.]csv";
import { addItems } from "../support/badges-factories";
import { createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { registerPartner } from "../support/partner-factories";
import { insertEmployee } from "../support/personnel-factories";
import { callAction, getRequest, type RouteModule } from "../support/requests";
import { createModel, receiveRange, sealActor, sealPrefix } from "../support/seal-factories";
import { testDb } from "../support/test-database";
import { attend, createSession } from "../support/training-factories";
import { signIn } from "../support/visitors-factories";

/** What a guard, clerk or partner could type: DDE, arithmetic, an @-function, a tab-led and a multi-line formula. */
const PAYLOADS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "=1+1\nsecond line"] as const;
const p = (i: number) => PAYLOADS[i % PAYLOADS.length] as string;
const FORMULA_START = /^[=+\-@\t\r]/;

let org: SignedUp;
let siteId: string;

beforeAll(async () => {
  org = await signUpOrganization();
  const site = await createSite(org.cookie);
  siteId = site.id;
  // Site names are typed too, and appear in most exports.
  await testDb().update(sites).set({ nameZh: p(0), nameEn: p(1) }).where(eq(sites.id, siteId));
});

async function download(route: RouteModule, pathAndQuery: string): Promise<Response> {
  if (!route.loader) throw new Error("no loader");
  const response = (await route.loader({ request: getRequest(pathAndQuery, { cookie: org.cookie }), params: {}, context: {} })) as Response;
  expect(response.status).toBe(200);
  return response;
}

async function csvCells(route: RouteModule, pathAndQuery: string): Promise<string[]> {
  const response = await download(route, pathAndQuery);
  expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="[\w-]+\.csv"$/);
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.data.length).toBeGreaterThan(1);
  return parsed.data.flat();
}

/** No cell a spreadsheet would evaluate; each payload written at a cell's start is there behind an apostrophe. */
function expectDefused(cells: readonly string[], payloads: readonly string[]) {
  expect(cells.filter((c) => FORMULA_START.test(c))).toEqual([]);
  for (const payload of payloads) expect(cells.some((c) => c.startsWith(`'${payload}`)), JSON.stringify(payload)).toBe(true);
}

describe("CSV exports keep formula-looking text as text", () => {
  test("visitors", async () => {
    const entry = await signIn(org.cookie, siteId);
    await testDb()
      .update(visitorEntries)
      .set({ visitorName: p(0), company: p(1), hostName: p(2), badgeNumber: p(3), escortName: p(4), vehiclePlate: p(5) })
      .where(eq(visitorEntries.id, entry.id));
    expectDefused(await csvCells(visitorsCsvRoute, "/visitors/export.csv"), [...PAYLOADS]);
  });

  test("badges: the register and the log of steps", async () => {
    const holder = await insertEmployee(org.organizationId, { name: p(1) });
    const [key] = await addItems(org.cookie, org.organizationId, { kind: "key", code: "K-FX1", description: "仓库" });
    const issued = await callAction(
      itemRoute,
      `/badges/${key!.id}`,
      { step: "issue", employeeId: holder.id, occurredAt: "2026-11-03T14:05", note: "值班" },
      { cookie: org.cookie, params: { itemId: key!.id } },
    );
    expect(issued.status, JSON.stringify(issued.data)).toBe(302);
    await testDb().update(accessItems).set({ description: p(0), code: p(2) }).where(eq(accessItems.id, key!.id));
    await testDb().update(accessItemEvents).set({ note: p(3) }).where(eq(accessItemEvents.itemId, key!.id));
    expectDefused(await csvCells(badgesCsvRoute, "/badges/export.csv"), [p(0), p(1), p(2)]);
    expectDefused(await csvCells(badgesEventsCsvRoute, "/badges/events.csv"), [p(1), p(2), p(3)]);
  });

  test("seals: the seals, their steps and the audits", async () => {
    const actor = sealActor(org);
    const modelId = await createModel(actor);
    const prefix = sealPrefix();
    await receiveRange(actor, modelId, `${prefix}0001`, `${prefix}0002`, siteId);
    await testDb().update(sealModels).set({ manufacturer: p(4) }).where(eq(sealModels.id, modelId));
    await testDb().update(seals).set({ target: p(0), shipmentRef: p(1) }).where(eq(seals.organizationId, org.organizationId));
    await testDb()
      .update(sealEvents)
      .set({ note: p(2), target: p(3), shipmentRef: p(5), documentNumber: p(0) })
      .where(eq(sealEvents.organizationId, org.organizationId));
    const audit = await callAction(auditsRoute, "/seals/audits", { siteId, counted: `${prefix}0001` }, { cookie: org.cookie });
    expect(audit.status, JSON.stringify(audit.data)).toBe(302);
    await testDb().update(sealAudits).set({ note: p(3) }).where(eq(sealAudits.organizationId, org.organizationId));

    expectDefused(await csvCells(sealsCsvRoute, "/seals/export.csv"), [p(0), p(1), p(4)]);
    expectDefused(await csvCells(sealsCsvRoute, "/seals/export.csv?rows=events"), [p(0), p(2), p(3), p(5)]);
    expectDefused(await csvCells(sealsCsvRoute, "/seals/export.csv?rows=audits"), [p(0), p(3)]);
  });

  test("inspections", async () => {
    const { id } = await submitContainerInspection(org, siteId);
    const [row] = await testDb().select().from(inspections).where(eq(inspections.id, id));
    await testDb()
      .update(inspections)
      .set({ area: p(1), containerNumber: p(2), header: { ...row!.header, truckPlate: p(3), trailerNumber: p(4), shipmentRef: p(5) } })
      .where(eq(inspections.id, id));
    expectDefused(await csvCells(inspectionsCsvRoute, "/inspections/export.csv"), [...PAYLOADS]);
  });

  test("training: sessions and attendance", async () => {
    const sessionId = await createSession(org.cookie);
    await testDb()
      .update(trainingSessions)
      .set({ topic: p(0), trainer: p(1), provider: p(2), scenario: p(3), lessonsLearned: p(4) })
      .where(eq(trainingSessions.id, sessionId));
    const person = await insertEmployee(org.organizationId, { name: p(5), position: p(2), department: p(3) });
    await attend(org.cookie, sessionId, [person.id]);
    expectDefused(await csvCells(trainingCsvRoute, "/training/export.csv"), [p(0), p(1), p(2), p(3), p(4)]);
    expectDefused(await csvCells(attendanceCsvRoute, "/training/attendance.csv"), [p(0), p(1), p(2), p(3), p(5)]);
  });

  test("personnel", async () => {
    await insertEmployee(org.organizationId, { name: p(0), position: p(1), department: p(4) });
    await insertEmployee(org.organizationId, { name: p(3), position: p(5), department: p(2) });
    expectDefused(await csvCells(personnelCsvRoute, "/personnel/export.csv"), [...PAYLOADS]);
  });
});

describe("partners: CSV and XLSX", () => {
  let partnerPayloads: string[];

  beforeAll(async () => {
    const partner = await registerPartner(org.cookie);
    await testDb()
      .update(partners)
      .set({ legalNameZh: p(0), legalNameEn: p(1), aeoProgrammeName: p(2), notes: p(4), foreignRegistrationNumber: p(3) })
      .where(eq(partners.id, partner.id));
    partnerPayloads = [p(0), p(1), p(4)];
  });

  test("CSV", async () => {
    expectDefused(await csvCells(partnersCsvRoute, "/partners/export.csv"), partnerPayloads);
  });

  test("XLSX: the payloads are string cells, and no cell is a formula", async () => {
    const response = await download(partnersXlsxRoute, "/partners/export.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as never);
    const values: unknown[] = [];
    workbook.worksheets[0]?.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type === ExcelJS.ValueType.String || cell.type === ExcelJS.ValueType.Number, `${cell.address} ${cell.type}`).toBe(true);
        expect(cell.formula).toBeFalsy();
        values.push(cell.value);
      }),
    );
    for (const payload of partnerPayloads) expect(values).toContain(payload);
  });
});
