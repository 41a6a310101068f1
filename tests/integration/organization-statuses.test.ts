// The organisation's own certification levels, one per programme (organization_statuses): CTPAT and
// EU AEO on their own forms of /settings/organization, China Customs with the profile; the
// dashboard's certification card shows them, and a validity date near feeds certificate_expiring.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { attentionFor } from "~/lib/attention/attention.server";
import { todayInZone } from "~/lib/i18n/format";
import { translateMessage } from "~/lib/i18n/messages";
import { createI18n } from "~/lib/i18n/translations.server";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as organizationRoute from "~/routes/_app.settings.organization";
import { addMember, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, type Fields } from "../support/requests";
import { countRows, testDb } from "../support/test-database";
import { shiftDays } from "../support/partner-factories";

const ZONE = "Asia/Shanghai";
type DashboardData = Awaited<ReturnType<typeof dashboardRoute.loader>>;
type SettingsData = Awaited<ReturnType<typeof organizationRoute.loader>>;

let org: SignedUp;
let compliance: Member;
let other: SignedUp;

const post = (fields: Fields, who: { cookie: string } = org) => callAction(organizationRoute, "/settings/organization", fields, { cookie: who.cookie });
const status = (overrides: Fields = {}): Fields => ({
  intent: "status",
  programme: "ctpat",
  level: "tier-2",
  certificateNumber: "SVI-CN-000123",
  certifiedOn: "2025-06-01",
  validUntil: "2028-06-01",
  ...overrides,
});
const footprint = async (orgId: string) => ({
  statuses: await countRows("organization_statuses", sql`organization_id = ${orgId}`),
  audit: await countRows("audit_events", sql`organization_id = ${orgId}`),
});
const today = () => todayInZone(ZONE);
const expiringItems = async (o: SignedUp, m: Member) =>
  (await attentionFor(testDb(), { organizationId: o.organizationId, timeZone: ZONE, today: today() }, { userId: m.userId, role: m.role })).filter(
    (i) => i.kind === "certificate_expiring",
  );

beforeAll(async () => {
  org = await signUpOrganization();
  compliance = await addMember(org.cookie, "compliance");
  other = await signUpOrganization();
});

describe("recording a level per programme", () => {
  test.each<[string, Fields, Record<string, string>]>([
    ["an EU AEO level for CTPAT", { level: "aeof" }, { level: "errors.statusLevel" }],
    ["a China Customs level for the EU AEO", { programme: "eu-aeo", level: "advanced" }, { level: "errors.statusLevel" }],
    ["a programme that is not one of the forms'", { programme: "cn-customs", level: "advanced" }, { programme: "errors.choose" }],
    ["a level without its certificate number", { certificateNumber: "" }, { certificateNumber: "errors.statusCertificate" }],
    ["a validity ending before the certification", { validUntil: "2025-01-01" }, { validUntil: "errors.validUntilBeforeCertified" }],
  ])("%s is refused with its message and nothing is written", async (_, overrides, expected) => {
    const before = await footprint(org.organizationId);
    const outcome = await post(status(overrides));
    expect(outcome.status).toBe(400);
    expect(Object.fromEntries(Object.entries(errorsOf(outcome)).map(([k, v]) => [k, v.split("|")[0]]))).toEqual(expected);
    expect(await footprint(org.organizationId)).toEqual(before);
  });

  test("the refusal of a wrong level names the programme's levels, in both languages", async () => {
    const outcome = await post(status({ level: "aeof" }));
    const encoded = errorsOf(outcome).level!;
    const en = translateMessage(createI18n("en").t, encoded);
    const zh = translateMessage(createI18n("zh-CN").t, encoded);
    expect(en).toContain("tier-3, tier-2, tier-1");
    expect(en).toContain("“aeof”");
    expect(zh).toContain("不是该认证项目的等级");
  });

  test("a CTPAT tier is saved, audited, shown on the settings page and the dashboard; 'not certified' removes it", async () => {
    const before = await footprint(org.organizationId);
    const saved = await post(status());
    expect(saved.status, JSON.stringify(saved.data)).toBe(302);
    expect(await footprint(org.organizationId)).toEqual({ statuses: before.statuses + 1, audit: before.audit + 1 });

    const settings = await callLoader<SettingsData>(organizationRoute, "/settings/organization", { cookie: compliance.cookie });
    expect(settings.data.statuses.find((s) => s.programme === "ctpat")).toEqual({
      programme: "ctpat",
      level: "tier-2",
      certificateNumber: "SVI-CN-000123",
      certifiedOn: "2025-06-01",
      validUntil: "2028-06-01",
    });
    const dashboard = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: compliance.cookie });
    expect(dashboard.data.organization.statuses).toContainEqual(
      expect.objectContaining({ programme: "ctpat", levelNameEn: "Tier II (certified and validated)", certificateNumber: "SVI-CN-000123" }),
    );
    // Another organisation's dashboard does not show it.
    const theirs = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: other.cookie });
    expect(theirs.data.organization.statuses).toEqual([]);

    expect((await post(status({ level: "none", certificateNumber: "" }))).status).toBe(302);
    expect(await countRows("organization_statuses", sql`organization_id = ${org.organizationId} and programme = 'ctpat'`)).toBe(0);
  });

  test("the China Customs level of the profile is the cn-customs status, and 'not certified' removes it", async () => {
    const profile = {
      legalNameZh: org.legalNameZh,
      legalNameEn: org.legalNameEn,
      enterpriseTypes: ["manufacturer"],
      aeoStatus: "advanced",
      aeoCertificateNumber: "AEOCN5301960ABC",
      aeoCertifiedOn: "2024-03-18",
      aeoNextRecertificationOn: "2029-03-17",
      timeZone: ZONE,
    };
    expect((await post(profile)).status).toBe(302);
    const dashboard = await callLoader<DashboardData>(dashboardRoute, "/", { cookie: org.cookie });
    expect(dashboard.data.organization.statuses).toContainEqual(
      expect.objectContaining({ programme: "cn-customs", levelNameZh: "高级认证企业", validUntil: "2029-03-17" }),
    );
    expect((await post({ ...profile, aeoStatus: "none" })).status).toBe(302);
    expect(await countRows("organization_statuses", sql`organization_id = ${org.organizationId} and programme = 'cn-customs'`)).toBe(0);
  });
});

describe("the organisation's own certificates as attention", () => {
  test("an EU AEO review within 90 days is compliance's, and goes when the date moves", async () => {
    const soon = shiftDays(today(), 30);
    expect((await post(status({ programme: "eu-aeo", level: "aeos", certificateNumber: "CNAEOS0001", certifiedOn: "2024-01-10", validUntil: soon }))).status).toBe(302);
    const [item] = await expiringItems(org, compliance);
    expect(item).toMatchObject({
      key: `certificate_expiring:organization:${org.organizationId}:eu-aeo`,
      state: "due_soon",
      dueOn: soon,
      href: "/settings/organization#certifications",
    });
    expect(item?.title.en).toContain("AEOS");
    expect(item?.title.zh).toContain("AEOS");
    // Not another organisation's.
    expect(await expiringItems(other, { ...compliance, userId: other.userId, role: "owner" })).toEqual([]);

    expect((await post(status({ programme: "eu-aeo", level: "aeos", certificateNumber: "CNAEOS0001", certifiedOn: "2024-01-10", validUntil: "" }))).status).toBe(302);
    expect(await expiringItems(org, compliance)).toEqual([]);
  });

  test("the China Customs re-certification keeps its key, read from the cn-customs status", async () => {
    const soon = shiftDays(today(), 10);
    const profile = {
      legalNameZh: org.legalNameZh,
      legalNameEn: org.legalNameEn,
      enterpriseTypes: ["manufacturer"],
      aeoStatus: "general",
      aeoCertificateNumber: "CN-G-1",
      aeoCertifiedOn: "2024-03-18",
      aeoNextRecertificationOn: soon,
      timeZone: ZONE,
    };
    expect((await post(profile)).status).toBe(302);
    const items = await expiringItems(org, compliance);
    expect(items.map((i) => [i.key, i.dueOn])).toEqual([[`certificate_expiring:organization:${org.organizationId}`, soon]]);
  });
});
