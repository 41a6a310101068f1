// Supervision of partners on a schedule: the organisation's interval per risk tier, each partner's
// next check due from its latest one (or its first approval), the list's "overdue" filter, and the
// supervision_due attention item procurement sees on its dashboard.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { attentionFor } from "~/lib/attention/attention.server";
import type { Question } from "../../db/catalog/questionnaires/types";
import type { AttentionItem } from "~/lib/attention/attention-types";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as partnersRoute from "~/routes/_app.partners._index";
import * as rulesRoute from "~/routes/_app.settings.partners";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import {
  bestOption,
  decideOk,
  footprint,
  partnerPage,
  partnerRow,
  postPartner,
  preparedEvaluation,
  registerPartner,
  shiftDays,
  shiftMonths,
  today,
  ZONE,
} from "../support/partner-factories";
import { callAction, callLoader, errorsOf, type Fields } from "../support/requests";
import { query, testDb } from "../support/test-database";

type DashboardData = Awaited<ReturnType<typeof dashboardRoute.loader>>;
type ListData = { partners: { id: string; nextSupervisionOn: string | null }[] };

let org: SignedUp;
let buyer: Member;
let officer: Member;
let other: SignedUp;
let otherBuyer: Member;

const rules = {
  lowTierMinScore: 80,
  mediumTierMinScore: 60,
  highTierMonths: 6,
  mediumTierMonths: 12,
  lowTierMonths: 24,
  highTierSupervisionMonths: 6,
  mediumTierSupervisionMonths: 12,
  lowTierSupervisionMonths: 24,
  requiredClauseCodes: [] as string[],
};
const saveRules = (fields: Fields, cookie = officer.cookie) => callAction(rulesRoute, "/settings/partners", fields, { cookie });

const check = (cookie: string, partnerId: string, performedOn: string) =>
  postPartner(cookie, partnerId, {
    intent: "supervision",
    kind: "document_review",
    performedOn,
    result: "satisfactory",
    summary: "Certificates and seal log reviewed",
  });

/** A critical answer where a question has one (high risk whatever the score), the best elsewhere. */
const critical = (q: Question) => q.options.find((o) => o.critical)?.key ?? bestOption(q);

/** A partner vetted and approved today: high risk with a critical answer, low with the best ones. */
async function approvedPartner(tier: "high" | "low") {
  const partner = await registerPartner(buyer.cookie);
  const evaluation = await preparedEvaluation(buyer.cookie, partner.id, { choose: tier === "high" ? critical : bestOption });
  await decideOk(officer.cookie, evaluation.id);
  const row = await partnerRow(partner.id);
  expect(row.riskTier).toBe(tier);
  return row;
}

const scope = (o: SignedUp) => ({ organizationId: o.organizationId, timeZone: ZONE, today: today() });
const supervisionItems = async (o: SignedUp, m: Member): Promise<AttentionItem[]> =>
  (await attentionFor(testDb(), scope(o), { userId: m.userId, role: m.role })).filter((i) => i.kind === "supervision_due");

beforeAll(async () => {
  org = await signUpOrganization();
  buyer = await addMember(org.cookie, "procurement");
  officer = await addMember(org.cookie, "compliance");
  other = await signUpOrganization();
  otherBuyer = await addMember(other.cookie, "procurement");
});

describe("the supervision interval per risk tier", () => {
  test.each<[string, Fields, Record<string, string>]>([
    ["an interval of 0 months", { highTierSupervisionMonths: 0 }, { highTierSupervisionMonths: "partnerRules.problem.supervisionMonths" }],
    ["an interval of 61 months", { lowTierSupervisionMonths: 61 }, { lowTierSupervisionMonths: "partnerRules.problem.supervisionMonths" }],
    ["a fraction of a month", { mediumTierSupervisionMonths: "1.5" }, { mediumTierSupervisionMonths: "partners.policyMonths" }],
    ["no interval at all", { mediumTierSupervisionMonths: "" }, { mediumTierSupervisionMonths: "partnerRules.problem.supervisionMonths" }],
    [
      "high risk checked less often than medium risk",
      { highTierSupervisionMonths: 12, mediumTierSupervisionMonths: 6 },
      { highTierSupervisionMonths: "partnerRules.problem.supervisionOrder" },
    ],
  ])("%s is refused with its message and nothing is written", async (_, overrides, expected) => {
    const before = await footprint(org.organizationId);
    const auditCount = () => query<{ n: number }>(sql`select count(*)::int as n from audit_events where organization_id = ${org.organizationId}`);
    const audits = await auditCount();
    const outcome = await saveRules({ ...rules, ...overrides });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual(expected);
    expect(await footprint(org.organizationId)).toEqual(before);
    expect(await auditCount()).toEqual(audits);
  });

  test("the messages read in both languages", async () => {
    const { translations } = await import("~/lib/i18n/translations.server");
    for (const key of ["supervisionMonths", "supervisionOrder"] as const) {
      expect(translations.en.partnerRules.problem[key]).toMatch(/supervis/i);
      expect(translations["zh-CN"].partnerRules.problem[key]).toMatch(/监督检查/);
    }
  });
});

describe("each partner's next supervision check", () => {
  let high: Awaited<ReturnType<typeof approvedPartner>>;

  beforeAll(async () => {
    high = await approvedPartner("high");
  });

  test("a new partner without a tier has none; the first approval starts the interval of its tier", async () => {
    const fresh = await registerPartner(buyer.cookie);
    expect(fresh.nextSupervisionOn).toBeNull();
    expect(high.nextSupervisionOn).toBe(shiftMonths(today(), 6));
    const page = await partnerPage<{ partner: { nextSupervisionOn: string }; supervisionMonths: number }>(buyer.cookie, high.id);
    expect(page.data).toMatchObject({ partner: { nextSupervisionOn: shiftMonths(today(), 6) }, supervisionMonths: 6 });
  });

  test("a check moves it to an interval after the check; an older check recorded later does not move it back", async () => {
    const checked = shiftDays(today(), -10);
    expect((await check(buyer.cookie, high.id, checked)).status).toBe(302);
    expect((await partnerRow(high.id)).nextSupervisionOn).toBe(shiftMonths(checked, 6));
    expect((await check(buyer.cookie, high.id, shiftDays(today(), -100))).status).toBe(302);
    expect((await partnerRow(high.id)).nextSupervisionOn).toBe(shiftMonths(checked, 6));
  });

  test("a re-evaluation into a lower tier moves it to that tier's interval after the latest check", async () => {
    const again = await preparedEvaluation(buyer.cookie, high.id, { choose: bestOption });
    await decideOk(officer.cookie, again.id);
    const row = await partnerRow(high.id);
    expect(row.riskTier).toBe("low");
    expect(row.nextSupervisionOn).toBe(shiftMonths(shiftDays(today(), -10), 24));
  });

  test("new intervals move every partner's date; another organisation's partners keep theirs", async () => {
    const theirs = await registerPartnerOf(other, otherBuyer);
    const saved = await saveRules({ ...rules, lowTierSupervisionMonths: 18 });
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect((await partnerRow(high.id)).nextSupervisionOn).toBe(shiftMonths(shiftDays(today(), -10), 18));
    expect((await partnerRow(theirs.id)).nextSupervisionOn).toBe(theirs.nextSupervisionOn);
    const [audit] = await query<{ n: number }>(
      sql`select count(*)::int as n from audit_events where organization_id = ${org.organizationId} and entity_type = 'partner_policy'`,
    );
    expect(audit?.n).toBeGreaterThan(0);
    expect((await saveRules(rules)).status).toBe(302);
  });
});

/** A partner of another organisation, approved there at high risk, its check overdue. */
async function registerPartnerOf(o: SignedUp, m: Member) {
  const theirOfficer = await addMember(o.cookie, "compliance");
  const partner = await registerPartner(m.cookie);
  const evaluation = await preparedEvaluation(m.cookie, partner.id, { choose: critical });
  await decideOk(theirOfficer.cookie, evaluation.id);
  expect((await check(m.cookie, partner.id, shiftMonths(today(), -8))).status).toBe(302);
  const row = await partnerRow(partner.id);
  expect(row.nextSupervisionOn).toBe(shiftMonths(shiftMonths(today(), -8), 6));
  return row;
}

describe("overdue supervision on the list and as attention", () => {
  test("a check overdue shows on procurement's dashboard and the list's filter, and goes when the check is done", async () => {
    const partner = await approvedPartner("high");
    const before = await supervisionItems(org, buyer);
    expect(before.some((i) => i.recordId === partner.id)).toBe(false);

    // The last check was seven months ago: with six months for high risk, it is a month overdue.
    const last = shiftMonths(today(), -7);
    expect((await check(buyer.cookie, partner.id, last)).status).toBe(302);
    const [item] = (await supervisionItems(org, buyer)).filter((i) => i.recordId === partner.id);
    expect(item).toMatchObject({
      key: `supervision_due:${partner.id}`,
      state: "overdue",
      dueOn: shiftMonths(last, 6),
      href: `/partners/${partner.id}#supervision`,
    });
    expect(item?.title.en).toContain("supervision check due");
    expect(item?.title.zh).toContain("监督检查");
    // Not the security officer's, nor another organisation's procurement's.
    const guard = await addMember(org.cookie, "security");
    expect(await supervisionItems(org, guard)).toEqual([]);
    expect((await supervisionItems(other, otherBuyer)).some((i) => i.recordId === partner.id)).toBe(false);

    const dashboard = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: buyer.cookie });
    const group = dashboard.data.groups.find((g) => g.kind === "supervision_due");
    expect(group?.lines.map((l) => l.href)).toContain(`/partners/${partner.id}#supervision`);

    const overdue = await callLoader<ListData>(partnersRoute, "/partners?supervision=overdue", { cookie: buyer.cookie });
    expect(overdue.data.partners.map((p) => p.id)).toContain(partner.id);
    expect(overdue.data.partners.every((p) => p.nextSupervisionOn !== null && p.nextSupervisionOn < today())).toBe(true);

    // Checked today: due again in six months, off the dashboard and out of the filter.
    expect((await check(buyer.cookie, partner.id, today())).status).toBe(302);
    expect((await supervisionItems(org, buyer)).some((i) => i.recordId === partner.id)).toBe(false);
    const after = await callLoader<ListData>(partnersRoute, "/partners?supervision=overdue", { cookie: buyer.cookie });
    expect(after.data.partners.map((p) => p.id)).not.toContain(partner.id);
  });

  test("due within 30 days is 'due soon'", async () => {
    const partner = await approvedPartner("high");
    const last = shiftDays(shiftMonths(today(), -6), 10);
    expect((await check(buyer.cookie, partner.id, last)).status).toBe(302);
    const [item] = (await supervisionItems(org, buyer)).filter((i) => i.recordId === partner.id);
    expect(item).toMatchObject({ state: "due_soon", dueOn: shiftMonths(last, 6) });
  });

  test("another organisation's overdue partner is neither on our list nor among our items", async () => {
    const ours = await callLoader<ListData>(partnersRoute, "/partners?supervision=overdue", { cookie: buyer.cookie });
    const theirs = await callLoader<ListData>(partnersRoute, "/partners?supervision=overdue", { cookie: otherBuyer.cookie });
    const ourIds = new Set(ours.data.partners.map((p) => p.id));
    expect(theirs.data.partners.length).toBeGreaterThan(0);
    expect(theirs.data.partners.some((p) => ourIds.has(p.id))).toBe(false);
  });
});
