import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { auditEvents, organizations, sites } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import type { Role } from "~/lib/auth/permissions";
import { createI18n } from "~/lib/i18n/translations.server";
import { translateMessage } from "~/lib/i18n/messages";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as organizationRoute from "~/routes/_app.settings.organization";
import * as siteRoute from "~/routes/_app.settings.sites.$siteId";
import * as sitesRoute from "~/routes/_app.settings.sites._index";
import { addMember, createSite, siteFields, signUpOrganization, type SignedUp } from "../support/factories";
import { callAction, callLoader, errorsOf, type Fields } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";

function profileFields(owner: SignedUp, overrides: Fields = {}): Fields {
  return {
    legalNameZh: owner.legalNameZh,
    legalNameEn: owner.legalNameEn,
    customsCode: "5301960ABC",
    unifiedSocialCreditCode: "91350100M000100Y43",
    enterpriseTypes: ["consignor_consignee", "manufacturer"],
    aeoStatus: "advanced",
    aeoCertificateNumber: "AEOCN5301960ABC",
    aeoCertifiedOn: "2024-03-18",
    aeoNextRecertificationOn: "2029-03-17",
    timeZone: "Asia/Shanghai",
    ...overrides,
  };
}

async function organizationRow(id: string) {
  const [row] = await testDb().select().from(organizations).where(eq(organizations.id, id));
  return row;
}

async function auditCount(orgId: string) {
  return countRows("audit_events", sql`organization_id = ${orgId}`);
}

async function lastEvent(orgId: string) {
  const events = await testDb()
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, orgId))
    .orderBy(asc(auditEvents.seq));
  return events.at(-1);
}

describe("organisation profile", () => {
  test("general certification (一般认证) is a level of its own: saved with its certificate, shown as such", async () => {
    const owner = await signUpOrganization();
    const outcome = await callAction(organizationRoute, "/settings/organization", profileFields(owner, { aeoStatus: "general", aeoCertificateNumber: "CN5301960ABC-G" }), {
      cookie: owner.cookie,
    });
    expect(outcome.status, JSON.stringify(outcome.data)).toBe(302);
    expect(await organizationRow(owner.organizationId)).toMatchObject({
      aeoStatus: "general",
      aeoCertificateNumber: "CN5301960ABC-G",
      aeoCertifiedOn: "2024-03-18",
      aeoNextRecertificationOn: "2029-03-17",
    });
    const t = createI18n("zh-CN").t as unknown as (key: string) => string;
    expect(t("aeoStatus.general")).toBe("一般认证企业");
  });


  test("a valid profile is saved, normalised, and recorded in the audit trail", async () => {
    const owner = await signUpOrganization();
    const before = await organizationRow(owner.organizationId);
    const outcome = await callAction(
      organizationRoute,
      "/settings/organization",
      profileFields(owner, { customsCode: " 5301 960abc ", unifiedSocialCreditCode: "91350100m000100y43" }),
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/settings/organization?saved=1");
    const after = await organizationRow(owner.organizationId);
    expect(after).toMatchObject({
      customsCode: "5301960ABC",
      unifiedSocialCreditCode: "91350100M000100Y43",
      enterpriseTypes: ["consignor_consignee", "manufacturer"],
      aeoStatus: "advanced",
      aeoCertificateNumber: "AEOCN5301960ABC",
      aeoCertifiedOn: "2024-03-18",
      aeoNextRecertificationOn: "2029-03-17",
    });
    const event = await lastEvent(owner.organizationId);
    expect(event).toMatchObject({ action: "update", entityType: "organization", entityId: owner.organizationId, actorUserId: owner.userId });
    expect(event?.before).toMatchObject({ customsCode: null, aeoStatus: "none" });
    expect(event?.after).toMatchObject({ customsCode: "5301960ABC", unifiedSocialCreditCode: "91350100M000100Y43" });
    expect(event?.after).not.toHaveProperty("auditHeadHash");
    // Two events: the China Customs level as the organisation's cn-customs status, then the profile.
    expect(after?.auditHeadSeq).toBe((before?.auditHeadSeq ?? 0) + 2);
    expect(after?.auditHeadHash).toBe(event?.hash);

    const page = await callLoader<{ profile: Record<string, unknown> }>(organizationRoute, "/settings/organization", {
      cookie: owner.cookie,
    });
    expect(page.data.profile).toMatchObject({ customsCode: "5301960ABC", aeoCertifiedOn: "2024-03-18" });
  });

  test("a wrong USCC check character is refused with the values, and nothing is saved or audited", async () => {
    const owner = await signUpOrganization();
    const rowBefore = await organizationRow(owner.organizationId);
    const eventsBefore = await auditCount(owner.organizationId);
    const outcome = await callAction(
      organizationRoute,
      "/settings/organization",
      profileFields(owner, { legalNameEn: "Renamed Ltd", unifiedSocialCreditCode: "91350100M000100Y44" }),
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    expect(errors).toEqual({ unifiedSocialCreditCode: 'errors.uscc.check|{"expected":"3","actual":"4"}' });
    expect(translateMessage(createI18n("en").t, errors.unifiedSocialCreditCode ?? "")).toBe(
      "The check character (the 18th) is wrong: for these first 17 characters it must be “3”, not “4”.",
    );
    expect(translateMessage(createI18n("zh-CN").t, errors.unifiedSocialCreditCode ?? "")).toContain("3");
    expect(await organizationRow(owner.organizationId)).toEqual(rowBefore);
    expect(await auditCount(owner.organizationId)).toBe(eventsBefore);
  });

  test.each([
    ["customsCode", "123", 'errors.customsCode.length|{"length":3}'],
    ["customsCode", "AB01960ABC", 'errors.customsCode.district|{"district":"AB01"}'],
    ["unifiedSocialCreditCode", "91350100M000100Y4", 'errors.uscc.length|{"length":17}'],
    ["timeZone", "Mars/Olympus_Mons", "errors.timeZone"],
    ["aeoStatus", "gold", "errors.choose"],
    ["enterpriseTypes", "smuggler", "errors.choose"],
    ["aeoCertifiedOn", "2024-02-30", "errors.date"],
  ])("%s = %j is refused with %s", async (field, value, expected) => {
    const owner = await signUpOrganization();
    const rowBefore = await organizationRow(owner.organizationId);
    const outcome = await callAction(organizationRoute, "/settings/organization", profileFields(owner, { [field]: value }), {
      cookie: owner.cookie,
    });
    expect(outcome.status).toBe(400);
    const errors = errorsOf(outcome);
    const key = Object.keys(errors).find((k) => k === field || k.startsWith(`${field}.`));
    expect(key ? errors[key] : errors).toBe(expected);
    expect(await organizationRow(owner.organizationId)).toEqual(rowBefore);
  });

  test("advanced certification needs its number and dates, in order", async () => {
    const owner = await signUpOrganization();
    const missing = await callAction(
      organizationRoute,
      "/settings/organization",
      profileFields(owner, { aeoCertificateNumber: "", aeoCertifiedOn: "", aeoNextRecertificationOn: "" }),
      { cookie: owner.cookie },
    );
    expect(missing.status).toBe(400);
    expect(errorsOf(missing)).toEqual({
      aeoCertificateNumber: "errors.aeoRequired",
      aeoCertifiedOn: "errors.aeoRequired",
      aeoNextRecertificationOn: "errors.aeoRequired",
    });
    const reversed = await callAction(
      organizationRoute,
      "/settings/organization",
      profileFields(owner, { aeoCertifiedOn: "2024-03-18", aeoNextRecertificationOn: "2024-03-18" }),
      { cookie: owner.cookie },
    );
    expect(errorsOf(reversed)).toEqual({ aeoNextRecertificationOn: "errors.recertificationBeforeCertification" });
  });

  test("choosing 'not certified' clears the certificate fields", async () => {
    const owner = await signUpOrganization();
    await callAction(organizationRoute, "/settings/organization", profileFields(owner), { cookie: owner.cookie });
    const outcome = await callAction(organizationRoute, "/settings/organization", profileFields(owner, { aeoStatus: "none" }), {
      cookie: owner.cookie,
    });
    expect(outcome.status).toBe(302);
    expect(await organizationRow(owner.organizationId)).toMatchObject({
      aeoStatus: "none",
      aeoCertificateNumber: null,
      aeoCertifiedOn: null,
      aeoNextRecertificationOn: null,
    });
  });

  test("the change and its audit event commit together: a failing audit write saves nothing", async () => {
    const owner = await signUpOrganization();
    const rowBefore = await organizationRow(owner.organizationId);
    await testDb().execute(
      sql.raw(`create or replace function tg_test_refuse_audit() returns trigger language plpgsql as $$
        begin raise exception 'audit write refused by the test'; end $$`),
    );
    await testDb().execute(
      sql.raw(`create trigger tg_test_refuse_audit before insert on audit_events for each row execute function tg_test_refuse_audit()`),
    );
    try {
      await expect(
        callAction(organizationRoute, "/settings/organization", profileFields(owner, { legalNameEn: "Should Not Stick Ltd" }), {
          cookie: owner.cookie,
        }),
      ).rejects.toThrow();
    } finally {
      await testDb().execute(sql.raw(`drop trigger tg_test_refuse_audit on audit_events`));
    }
    expect(await organizationRow(owner.organizationId)).toEqual(rowBefore);
  });

  test("an administrator may change the profile", async () => {
    const owner = await signUpOrganization();
    const admin = await addMember(owner.cookie, "admin");
    const outcome = await callAction(organizationRoute, "/settings/organization", profileFields(owner, { legalNameEn: "By Admin Ltd" }), {
      cookie: admin.cookie,
    });
    expect(outcome.status).toBe(302);
    expect((await organizationRow(owner.organizationId))?.legalNameEn).toBe("By Admin Ltd");
    expect((await lastEvent(owner.organizationId))?.actorUserId).toBe(admin.userId);
  });

  test.each<Role>(["compliance", "security", "procurement", "auditor"])(
    "a %s may read the profile but gets 403 on saving it",
    async (role) => {
      const owner = await signUpOrganization();
      const member = await addMember(owner.cookie, role);
      const read = await callLoader(organizationRoute, "/settings/organization", { cookie: member.cookie });
      expect(read.status).toBe(200);
      const rowBefore = await organizationRow(owner.organizationId);
      const eventsBefore = await auditCount(owner.organizationId);
      const outcome = await callAction(organizationRoute, "/settings/organization", profileFields(owner, { legalNameEn: "Hijacked Ltd" }), {
        cookie: member.cookie,
      });
      expect(outcome.thrown).toBe(true);
      expect(outcome.status).toBe(403);
      expect(outcome.data).toEqual({
        reason: "forbidden",
        permission: "organization.update",
        role,
        allowedRoles: ["owner", "admin"],
      });
      expect(await organizationRow(owner.organizationId)).toEqual(rowBefore);
      expect(await auditCount(owner.organizationId)).toBe(eventsBefore);
    },
  );

  test("a visitor without a session is sent to log in", async () => {
    const outcome = await callAction(organizationRoute, "/settings/organization", {});
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/login?redirectTo=%2Fsettings%2Forganization");
  });
});

describe("sites", () => {
  test("create, update and delete each write one audit event and keep the chain valid", async () => {
    const owner = await signUpOrganization();
    const site = await createSite(owner.cookie, { kind: "factory" });
    expect(site).toMatchObject({ organizationId: owner.organizationId, kind: "factory", securityContactPhone: "+86 21 5555 0101" });
    expect(await lastEvent(owner.organizationId)).toMatchObject({
      action: "create",
      entityType: "site",
      entityId: site.id,
      before: null,
      after: { id: site.id, nameEn: site.nameEn },
    });

    const list = await callLoader<{ sites: { id: string }[] }>(sitesRoute, "/settings/sites", { cookie: owner.cookie });
    expect(list.data.sites.map((s) => s.id)).toEqual([site.id]);

    const updated = await callAction(
      siteRoute,
      `/settings/sites/${site.id}`,
      siteFields({ nameEn: "Renamed Yard", kind: "yard", securityContactName: "", securityContactPhone: "" }),
      { cookie: owner.cookie, params: { siteId: site.id } },
    );
    expect(updated.status).toBe(302);
    expect(updated.location).toBe(`/settings/sites/${site.id}?saved=1`);
    const [row] = await testDb().select().from(sites).where(eq(sites.id, site.id));
    expect(row).toMatchObject({ nameEn: "Renamed Yard", kind: "yard", securityContactName: null, securityContactPhone: null });
    expect(await lastEvent(owner.organizationId)).toMatchObject({
      action: "update",
      entityId: site.id,
      before: { nameEn: site.nameEn, kind: "factory" },
      after: { nameEn: "Renamed Yard", kind: "yard" },
    });

    const deleted = await callAction(siteRoute, `/settings/sites/${site.id}`, { intent: "delete" }, {
      cookie: owner.cookie,
      params: { siteId: site.id },
    });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/settings/sites?deleted=1");
    expect(await countRows("sites", sql`id = ${site.id}`)).toBe(0);
    expect(await lastEvent(owner.organizationId)).toMatchObject({
      action: "delete",
      entityId: site.id,
      before: { nameEn: "Renamed Yard" },
      after: null,
    });
    expect(await verifyOrganizationChain(testDb(), owner.organizationId)).toEqual({ ok: true, events: 5 });

    const gone = await callLoader(siteRoute, `/settings/sites/${site.id}`, { cookie: owner.cookie, params: { siteId: site.id } });
    expect(gone.status).toBe(404);
  });

  test("invalid input on create answers 400 per field and writes nothing", async () => {
    const owner = await signUpOrganization();
    const sitesBefore = await countRows("sites");
    const eventsBefore = await auditCount(owner.organizationId);
    const outcome = await callAction(
      sitesRoute,
      "/settings/sites",
      siteFields({ nameZh: "", kind: "castle", securityContactPhone: "call me maybe", address: "x".repeat(301) }),
      { cookie: owner.cookie },
    );
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({
      nameZh: "errors.required",
      address: 'errors.tooLong|{"max":300}',
      kind: "errors.choose",
      securityContactPhone: "errors.phone",
    });
    expect(await countRows("sites")).toBe(sitesBefore);
    expect(await auditCount(owner.organizationId)).toBe(eventsBefore);
  });

  test("invalid input on update answers 400 and leaves the site as it was", async () => {
    const owner = await signUpOrganization();
    const site = await createSite(owner.cookie);
    const eventsBefore = await auditCount(owner.organizationId);
    const outcome = await callAction(siteRoute, `/settings/sites/${site.id}`, siteFields({ nameEn: "  " }), {
      cookie: owner.cookie,
      params: { siteId: site.id },
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome)).toEqual({ nameEn: "errors.required" });
    const [row] = await testDb().select().from(sites).where(eq(sites.id, site.id));
    expect(row).toEqual(site);
    expect(await auditCount(owner.organizationId)).toBe(eventsBefore);
  });

  test("a security officer sees sites but cannot add, edit or delete them", async () => {
    const owner = await signUpOrganization();
    const site = await createSite(owner.cookie);
    const officer = await addMember(owner.cookie, "security");
    const list = await callLoader<{ sites: { id: string }[] }>(sitesRoute, "/settings/sites", { cookie: officer.cookie });
    expect(list.data.sites.map((s) => s.id)).toEqual([site.id]);
    const create = await callAction(sitesRoute, "/settings/sites", siteFields(), { cookie: officer.cookie });
    expect(create.status).toBe(403);
    const edit = await callLoader(siteRoute, `/settings/sites/${site.id}`, { cookie: officer.cookie, params: { siteId: site.id } });
    expect(edit.status).toBe(403);
    const remove = await callAction(siteRoute, `/settings/sites/${site.id}`, { intent: "delete" }, {
      cookie: officer.cookie,
      params: { siteId: site.id },
    });
    expect(remove.status).toBe(403);
    expect(await countRows("sites", sql`organization_id = ${owner.organizationId}`)).toBe(1);
  });

  test("the dashboard shows the organisation's sites, member count and recent activity by role", async () => {
    const owner = await signUpOrganization();
    const site = await createSite(owner.cookie);
    const procurement = await addMember(owner.cookie, "procurement");
    const forOwner = await callLoader<{ sites: { id: string }[]; members: number; activity: unknown[] | null }>(dashboardRoute, "/", {
      cookie: owner.cookie,
    });
    expect(forOwner.data.sites.map((s) => s.id)).toEqual([site.id]);
    expect(forOwner.data.members).toBe(2);
    expect(forOwner.data.activity?.length).toBeGreaterThan(0);
    // Procurement may not read the audit trail, so the dashboard leaves the activity out.
    const forProcurement = await callLoader<{ activity: unknown }>(dashboardRoute, "/", { cookie: procurement.cookie });
    expect(forProcurement.data.activity).toBeNull();
    const rows = await query<{ n: number }>(sql`select count(*)::int as n from sites where organization_id = ${owner.organizationId}`);
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
