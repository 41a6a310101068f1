// The receiving and shipping reconciliation register below the browser: recording through
// /cargo/new (a discrepancy explained, its corrective action in the same transaction, the seal
// checked against the seal register), bad input refused with a translated message and nothing
// written, tenancy, the CSV export, the dossier's rows; and the two cargo templates (export loading
// supervision, secure storage) loaded from the catalogue and feeding their criteria.
import { and, eq, sql } from "drizzle-orm";
import Papa from "papaparse";
import { beforeAll, describe, expect, test } from "vitest";
import { auditEvents, correctiveActions, type Site } from "../../db/schema";
import {
  getCurrentTemplate,
  criteriaFedByTemplates,
  listTemplates,
} from "~/lib/inspections/templates.server";
import { allItems } from "~/lib/inspections/template-definition";
import { loadRecords } from "~/lib/dossiers/dossier-records.server";
import { createI18n } from "~/lib/i18n/translations.server";
import * as detailRoute from "~/routes/_app.cargo.$reconciliationId";
import * as listRoute from "~/routes/_app.cargo._index";
import * as newRoute from "~/routes/_app.cargo.new";
import * as csvRoute from "~/routes/cargo.export[.]csv";
import {
  addMember,
  createSite,
  signUpOrganization,
  type Member,
  type SignedUp,
} from "../support/factories";
import {
  callAction,
  callLoader,
  errorsOf,
  getRequest,
  keyOf,
  type Fields,
} from "../support/requests";
import {
  applyDirect,
  createModel,
  receiveRange,
  sealActor,
  sealPrefix,
} from "../support/seal-factories";
import { countRows, testDb } from "../support/test-database";

let owner: SignedUp;
let guard: Member;
let other: SignedUp;
let dock: Site;
let otherSite: Site;

beforeAll(async () => {
  owner = await signUpOrganization();
  other = await signUpOrganization();
  guard = await addMember(owner.cookie, "security");
  dock = await createSite(owner.cookie, {
    nameZh: "三号码头",
    nameEn: "Dock 3",
  });
  otherSite = await createSite(other.cookie);
});

const today = () => new Date().toISOString().slice(0, 10);

function fields(siteId: string, overrides: Fields = {}): Fields {
  return {
    direction: "receiving",
    reconciledOn: today(),
    siteId,
    billOfLading: "COSU6181234560",
    packingList: "PL-2026-118",
    invoiceNumbers: "",
    containerNumber: "CSQU3054383",
    sealNumber: "",
    expectedPackages: "120",
    countedPackages: "120",
    expectedWeightKg: "8400",
    countedWeightKg: "8410.5",
    note: "",
    ...overrides,
  };
}

function post(cookie: string, body: Fields) {
  return callAction(newRoute, "/cargo/new", body, { cookie });
}

async function footprint(orgId: string) {
  const counts: Record<string, number> = {};
  for (const table of [
    "cargo_reconciliations",
    "corrective_actions",
    "evidence_links",
    "audit_events",
  ])
    counts[table] = await countRows(table, sql`organization_id = ${orgId}`);
  return counts;
}

/** The id of the reconciliation a successful post redirected to. */
function recordedId(location: string | null): string {
  const id = new URL(location ?? "", "http://x").searchParams.get("recorded");
  if (!id) throw new Error(`not recorded: ${location}`);
  return id;
}

describe("recording a reconciliation", () => {
  test("a matching count (weight within tolerance) is recorded, audited and feeds (42) and (47), CTPAT 7.8, 7.27/7.28 and 7.29/7.30, CN-2014 25 and WCO G", async () => {
    const outcome = await post(guard.cookie, fields(dock.id));
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    const id = recordedId(outcome.location);
    const detail = await callLoader<
      Awaited<ReturnType<typeof detailRoute.loader>>
    >(detailRoute, `/cargo/${id}`, {
      cookie: owner.cookie,
      params: { reconciliationId: id },
    });
    expect(detail.data).toMatchObject({
      discrepancy: false,
      countedPackages: 120,
      countedWeightKg: 8410.5,
      containerNumber: "CSQU3054383",
    });
    const audit = await testDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.entityType)).toEqual(["cargo_reconciliation"]);
    const links = await testDb()
      .execute(sql`select f.code as framework, c.key from evidence_links l join criteria c on c.id = l.criterion_id join frameworks f on f.id = c.framework_id
        where l.record_type = 'cargo_reconciliation' and l.record_id = ${id} order by 1, 2`);
    const rows =
      (links as unknown as { rows?: { framework: string; key: string }[] })
        .rows ?? (links as unknown as { framework: string; key: string }[]);
    expect(rows.map((r) => `${r.framework}/${r.key}`).sort()).toEqual(
      [
        "cn-2014-general/25",
        "cn-2022-advanced/42",
        "cn-2022-advanced/47",
        "ctpat-msc/7.27-7.28",
        "ctpat-msc/7.29-7.30",
        "ctpat-msc/7.8",
        "wco-safe-aeo/G",
      ].sort(),
    );
  });

  test("a discrepancy with its explanation raises the corrective action in the same write", async () => {
    const outcome = await post(
      guard.cookie,
      fields(dock.id, {
        countedPackages: "117",
        note: "3 cartons short; the carrier's driver signed the shortage note",
        raiseAction: "yes",
        actionOwnerUserId: owner.userId,
        actionDueOn: today(),
      }),
    );
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    const id = recordedId(outcome.location);
    const [action] = await testDb()
      .select()
      .from(correctiveActions)
      .where(
        and(
          eq(correctiveActions.sourceType, "cargo_reconciliation"),
          eq(correctiveActions.sourceId, id),
        ),
      );
    expect(action).toMatchObject({
      ownerUserId: owner.userId,
      title: "3 cartons short; the carrier's driver signed the shortage note",
    });
    const list = await callLoader<Awaited<ReturnType<typeof listRoute.loader>>>(
      listRoute,
      `/cargo?recorded=${id}&discrepancy=yes`,
      { cookie: owner.cookie },
    );
    expect(list.data.just?.action).toMatch(/^CA-/);
    expect(list.data.rows.every((r) => r.discrepancy)).toBe(true);
    expect(list.data.rows.some((r) => r.id === id)).toBe(true);
  });

  test.each([
    [
      "a discrepancy without explanation",
      { countedPackages: "110" },
      "note",
      "cargo.errors.noteRequired",
    ],
    [
      "no document reference",
      { billOfLading: "", packingList: "" },
      "billOfLading",
      "cargo.errors.documentRequired",
    ],
    [
      "a wrong container check digit",
      { containerNumber: "CSQU3054384" },
      "containerNumber",
      "cargo.errors.containerCheck",
    ],
    [
      "one weight without the other",
      { countedWeightKg: "" },
      "countedWeightKg",
      "cargo.errors.weightPair",
    ],
    [
      "a fraction of a package",
      { countedPackages: "11.5" },
      "countedPackages",
      "cargo.errors.packages",
    ],
    [
      "an action when the count matches",
      { raiseAction: "yes", actionOwnerUserId: "x", actionDueOn: "2026-01-01" },
      "raiseAction",
      "cargo.errors.actionWithoutDiscrepancy",
    ],
    [
      "a date in the future",
      { reconciledOn: "2999-01-01" },
      "reconciledOn",
      "cargo.errors.future",
    ],
    [
      "an unknown seal on a shipment",
      { direction: "shipping", sealNumber: "NOSUCH123" },
      "sealNumber",
      "cargo.errors.sealUnknown",
    ],
  ] as const)(
    "%s is refused with a translated message and nothing is written",
    async (_name, overrides, field, key) => {
      const before = await footprint(owner.organizationId);
      const outcome = await post(guard.cookie, fields(dock.id, overrides));
      expect(outcome.status).toBe(400);
      const encoded = errorsOf(outcome)[field];
      expect(keyOf(encoded)).toBe(key);
      for (const locale of ["en", "zh-CN"] as const) {
        const text = createI18n(locale).t(key, {
          number: "N",
          container: "C",
          prefix: "P",
          expected: "1",
          actual: "2",
          character: "X",
        });
        expect(text, `${locale} ${key}`).not.toBe(key);
      }
      expect(await footprint(owner.organizationId)).toEqual(before);
    },
  );

  test("a shipment's seal is checked against the seal register: applied to this container passes, to another is refused", async () => {
    const actor = sealActor(owner);
    const model = await createModel(actor);
    const prefix = sealPrefix();
    await receiveRange(actor, model, `${prefix}001`, `${prefix}003`, dock.id);
    const applied = await applyDirect(actor, `${prefix}001`);
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    const ok = await post(
      guard.cookie,
      fields(dock.id, { direction: "shipping", sealNumber: `${prefix}001` }),
    );
    expect(ok.status, JSON.stringify(ok.data)).toBe(302);
    const id = recordedId(ok.location);
    const detail = await callLoader<
      Awaited<ReturnType<typeof detailRoute.loader>>
    >(detailRoute, `/cargo/${id}`, {
      cookie: owner.cookie,
      params: { reconciliationId: id },
    });
    expect(detail.data.sealId).not.toBeNull();
    const elsewhere = await post(
      guard.cookie,
      fields(dock.id, {
        direction: "shipping",
        sealNumber: `${prefix}001`,
        containerNumber: "MSKU1234565",
      }),
    );
    expect(keyOf(errorsOf(elsewhere).sealNumber)).toBe(
      "cargo.errors.sealOtherContainer",
    );
    const notApplied = await post(
      guard.cookie,
      fields(dock.id, { direction: "shipping", sealNumber: `${prefix}002` }),
    );
    expect(keyOf(errorsOf(notApplied).sealNumber)).toBe(
      "cargo.errors.sealNotApplied",
    );
    // A received container may carry the sender's seal, which the register does not know.
    const foreign = await post(
      guard.cookie,
      fields(dock.id, { sealNumber: "SENDER-778899" }),
    );
    expect(foreign.status, JSON.stringify(foreign.data)).toBe(302);
  });
});

describe("tenancy and permissions", () => {
  test("another organisation's reconciliation is a 404, its site is refused, and it never lists or exports them", async () => {
    const mine = await post(
      owner.cookie,
      fields(dock.id, { billOfLading: "TENANCY-B/L" }),
    );
    const id = recordedId(mine.location);
    const foreign = await callLoader(detailRoute, `/cargo/${id}`, {
      cookie: other.cookie,
      params: { reconciliationId: id },
    });
    expect(foreign.status).toBe(404);
    const wrongSite = await post(other.cookie, fields(dock.id));
    expect(keyOf(errorsOf(wrongSite).siteId)).toBe("cargo.errors.site");
    const list = await callLoader<Awaited<ReturnType<typeof listRoute.loader>>>(
      listRoute,
      "/cargo",
      { cookie: other.cookie },
    );
    expect(list.data.rows).toEqual([]);
    const response = await csvRoute.loader({
      request: getRequest("/cargo/export.csv", { cookie: other.cookie }),
      params: {},
      context: {},
    });
    expect((await response.text()).includes("TENANCY-B/L")).toBe(false);
    // Someone else's own site works for them.
    const theirs = await post(other.cookie, fields(otherSite.id));
    expect(theirs.status).toBe(302);
  });

  test("an auditor reads the register but cannot record", async () => {
    const auditor = await addMember(owner.cookie, "auditor");
    const read = await callLoader(listRoute, "/cargo", {
      cookie: auditor.cookie,
    });
    expect(read.status).toBe(200);
    const write = await post(auditor.cookie, fields(dock.id));
    expect(write.status).toBe(403);
  });
});

describe("the CSV export", () => {
  test("one row per reconciliation with a byte-order mark, headings in the reader's language, filters applied", async () => {
    const response = await csvRoute.loader({
      request: getRequest("/cargo/export.csv?discrepancy=yes", {
        cookie: owner.cookie,
      }),
      params: {},
      context: {},
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = Papa.parse<string[]>(
      new TextDecoder().decode(bytes).trim(),
    ).data;
    expect(rows[0]?.[0]).toBe("编号");
    expect(rows[0]).toContain("差异说明");
    const body = rows.slice(1);
    expect(body.length).toBeGreaterThan(0);
    expect(body.every((r) => r[14] === "是")).toBe(true);
    expect(body.some((r) => r[15]?.includes("3 cartons short"))).toBe(true);
  });
});

describe("the dossier", () => {
  test("prints a reconciliation's documents and counts, and a discrepancy's explanation", async () => {
    const outcome = await post(
      owner.cookie,
      fields(dock.id, {
        countedPackages: "121",
        note: "One extra carton, returned to the shipper",
      }),
    );
    const id = recordedId(outcome.location);
    const loaded = await loadRecords(
      testDb(),
      owner.organizationId,
      "cargo_reconciliation",
      [id],
      { timeZone: "Asia/Shanghai" },
    );
    const record = loaded.get(id);
    expect(record?.reference).toMatch(/^REC-\d{5}$/);
    expect(record?.path).toBe(`/cargo/${id}`);
    expect(record?.site?.zh).toBe("三号码头");
    expect(record?.summary.zh).toContain("B/L COSU6181234560");
    expect(record?.summary.en).toContain("121/120 pkgs");
    expect(record?.result).toEqual({ zh: "单货不符", en: "Discrepancy" });
    expect(record?.details?.map((d) => d.en).join(" ")).toContain(
      "One extra carton",
    );
    // Another organisation's loader never sees it.
    const foreign = await loadRecords(
      testDb(),
      other.organizationId,
      "cargo_reconciliation",
      [id],
    );
    expect(foreign.size).toBe(0);
  });
});

describe("the cargo templates", () => {
  test("export loading supervision and secure storage load from the catalogue, list with the templates and feed their criteria", async () => {
    const listed = await listTemplates(testDb(), owner.organizationId);
    expect(listed.map((t) => t.code)).toEqual(
      expect.arrayContaining([
        "export-loading-supervision",
        "secure-storage-check",
      ]),
    );
    const loading = await getCurrentTemplate(
      testDb(),
      owner.organizationId,
      "export-loading-supervision",
    );
    expect(loading?.definition.supervisorSignoff).toBe("required");
    const photos = allItems(loading!.definition).filter(
      (i) => i.answer === "photo" && i.required,
    );
    expect(photos.map((p) => p.key)).toEqual([
      "empty-photo",
      "loading-photo",
      "full-photo",
      "seal-photo",
    ]);
    const fed = await criteriaFedByTemplates(testDb(), owner.organizationId);
    for (const ref of [
      "cn-2022-advanced/49",
      "cn-2022-advanced/45",
      "cn-2022-advanced/44",
      "ctpat-msc/7.4-7.5",
      "ctpat-msc/7.1",
    ])
      expect(fed.has(ref), ref).toBe(true);
  });
});
