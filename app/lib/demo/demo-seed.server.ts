import { eq, inArray } from "drizzle-orm";
import { memberships, organizations, users } from "../../../db/schema";
import { signUp } from "../auth/accounts.server";
import { hashPassword } from "../auth/password.server";
import { recordAudit } from "../audit/audit.server";
import type { Database } from "../db-types.server";
import { todayInZone } from "../i18n/format";
import { createSchedule } from "../inspections/schedules.server";
import { createSite, updateOrganizationProfile } from "../organizations/organizations.server";
import { PartnerSchema } from "../partners/partner-schema";
import { createPartner } from "../partners/partners.server";
import { AccessItemCreateSchema } from "../badges/badge-schema";
import { createAccessItems } from "../badges/badges.server";
import { EmployeeSchema } from "../personnel/personnel-schema";
import { createEmployee } from "../personnel/personnel-employees.server";
import { SealModelSchema } from "../seals/seal-schema";
import { createSealModel } from "../seals/seal-stock.server";
import { demoPdf } from "./demo-documents.server";
import { DEMO_PASSWORD, demoAccounts, holdsAnOrganization } from "./demo-accounts.server";
import { demoContext, seedDemoActivity, type DemoActivityOptions } from "./demo-activity.server";

// Demo organisations for the embedded zero-setup start and `npm run db:seed`. They are plainly
// demo data: the .test domain, "示例/Demo" in every name, a shared published password.
export { DEMO_PASSWORD, demoAccounts, demoAccountsExist, demoAccountsText } from "./demo-accounts.server";

async function createDemoOrganization(db: Database, org: { nameZh: string; nameEn: string; owner: (typeof demoAccounts)[number] }) {
  const created = await signUp(db, {
    organizationNameZh: org.nameZh,
    organizationNameEn: org.nameEn,
    name: org.owner.name,
    email: org.owner.email,
    password: DEMO_PASSWORD,
    locale: "zh-CN",
  });
  if (!created.ok) throw new Error(`demo seed: ${org.owner.email} already exists`);
  // The one place is_demo is set: every page of the organisation then says its data is made up.
  await db.update(organizations).set({ isDemo: true }).where(eq(organizations.id, created.organizationId));
  return { organizationId: created.organizationId, userId: created.userId };
}

function ownerOf(organization: "demo" | "carrier") {
  const account = demoAccounts.find((a) => a.organization === organization && a.role === "owner");
  if (!account) throw new Error(`demo seed: no owner account for ${organization}`);
  return account;
}

/**
 * Seeds both demo organisations, and a year of the demo organisation's activity up to `now`.
 * Refuses (returns false, writing nothing) when the database holds any organisation.
 */
export async function seedDemoIfEmpty(db: Database, options: DemoActivityOptions & { now?: Date } = {}): Promise<boolean> {
  if (await holdsAnOrganization(db)) return false;
  const now = options.now ?? new Date();
  const owner = ownerOf("demo");
  const carrierOwner = ownerOf("carrier");

  const demo = await createDemoOrganization(db, {
    nameZh: "深圳示例进出口有限公司",
    nameEn: "Shenzhen Demo Trading Co., Ltd.",
    owner,
  });
  await updateOrganizationProfile(db, demo, {
    legalNameZh: "深圳示例进出口有限公司",
    legalNameEn: "Shenzhen Demo Trading Co., Ltd.",
    customsCode: "5301960ABC",
    unifiedSocialCreditCode: "91440300MA5G12345L",
    enterpriseTypes: ["consignor_consignee", "manufacturer"],
    // A manufacturer exporting under processing trade whose goods are subject to inspection; no
    // food, no quarantine, no brokerage or transport of its own.
    cn2022BusinessTypes: ["processing_trade_bonded", "commodity_inspection"],
    cn2014Role: "consignor_consignee",
    aeoStatus: "advanced",
    aeoCertificateNumber: "AEOCN5301960ABC",
    aeoCertifiedOn: "2024-03-18",
    aeoNextRecertificationOn: "2029-03-17",
    timeZone: "Asia/Shanghai",
  });
  const factory = await createSite(db, demo, {
    nameZh: "龙岗工厂",
    nameEn: "Longgang Factory",
    address: "广东省深圳市龙岗区示例路 18 号 (demo address)",
    kind: "factory",
    securityContactName: "张伟 Zhang Wei",
    securityContactPhone: "+86 755 0000 0001",
  });
  const warehouse = await createSite(db, demo, {
    nameZh: "盐田保税仓库",
    nameEn: "Yantian Bonded Warehouse",
    address: "广东省深圳市盐田区示例港路 6 号 (demo address)",
    kind: "warehouse",
    securityContactName: "张伟 Zhang Wei",
    securityContactPhone: "+86 755 0000 0002",
  });

  // A plan, not records: from the first start the dashboard shows what the gate has to do today,
  // this week and this month.
  const planFrom = todayInZone("Asia/Shanghai", now);
  for (const [site, templateCode, frequency] of [
    [factory, "container-7-point", "daily"],
    [factory, "premises-patrol", "daily"],
    [factory, "lighting-check", "weekly"],
    [warehouse, "premises-patrol", "daily"],
    [warehouse, "cctv-footage-review", "weekly"],
    [warehouse, "building-inspection", "monthly"],
    [factory, "it-access-review", "quarterly"],
    [factory, "backup-restore-test", "monthly"],
  ] as const) {
    const created = await createSchedule(db, demo, { intent: "create", siteId: site.id, templateCode, frequency, startsOn: planFrom });
    if (!created.ok) throw new Error(`demo seed: schedule ${templateCode} refused: ${JSON.stringify(created.errors)}`);
  }

  // The partner register, not its vetting: every partner starts unevaluated and without a contract,
  // so the first start shows procurement what is to be done. The AEO forwarder can be exempted once
  // its certificate is uploaded.
  const inAYear = `${Number(planFrom.slice(0, 4)) + 1}${planFrom.slice(4)}`;
  for (const partner of [
    {
      legalNameZh: "上海示例物流有限公司",
      legalNameEn: "Shanghai Demo Logistics Co., Ltd.",
      countryCode: "CN",
      uscc: "91310115MA1K2DEM0M",
      roles: ["carrier"],
      customsCredit: "general",
    },
    {
      legalNameZh: "苏州示例包装材料有限公司",
      legalNameEn: "Suzhou Demo Packaging Co., Ltd.",
      countryCode: "CN",
      uscc: "91320500MA1Q3DEM0B",
      roles: ["manufacturer_supplier"],
      customsCredit: "unknown",
    },
    {
      legalNameZh: "深圳示例报关有限公司",
      legalNameEn: "Shenzhen Demo Customs Brokerage Co., Ltd.",
      countryCode: "CN",
      uscc: "91440300MA5G8DEM0T",
      roles: ["customs_broker"],
      customsCredit: "advanced",
      aeoProgramme: "cn_advanced",
      aeoCertificateNumber: "AEOCN5316DEMO01",
      aeoValidUntil: inAYear,
    },
    {
      legalNameEn: "Demo Freight Forwarding GmbH",
      countryCode: "DE",
      foreignRegistrationNumber: "HRB 000000 (demo)",
      roles: ["freight_forwarder"],
      aeoProgramme: "eu_aeo",
      aeoCertificateNumber: "DEAEOF0000DEMO",
      aeoValidUntil: inAYear,
    },
  ]) {
    const created = await createPartner(db, demo, PartnerSchema.parse(partner));
    if (!created.ok) throw new Error(`demo seed: partner ${partner.legalNameEn} refused: ${JSON.stringify(created.errors)}`);
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const account of demoAccounts.filter((a) => a.organization === "demo" && a.role !== "owner")) {
      const [user] = await tx.insert(users).values({ email: account.email, name: account.name, passwordHash, locale: "zh-CN" }).returning();
      if (!user) throw new Error("demo seed: user insert returned nothing");
      const [membership] = await tx
        .insert(memberships)
        .values({ organizationId: demo.organizationId, userId: user.id, role: account.role })
        .returning();
      if (!membership) throw new Error("demo seed: membership insert returned nothing");
      await recordAudit(tx, {
        organizationId: demo.organizationId,
        actorUserId: demo.userId,
        action: "create",
        entityType: "membership",
        entityId: membership.id,
        after: { ...membership, email: user.email, name: user.name },
      });
    }
  });

  await seedDemoRegisters(db, demo, { factory, warehouse });
  await seedDemoActivity(await demoContext(db, demo.organizationId, { factory, warehouse }, now), options);

  const carrier = await createDemoOrganization(db, {
    nameZh: "上海示例物流有限公司",
    nameEn: "Shanghai Demo Logistics Co., Ltd.",
    owner: carrierOwner,
  });
  await updateOrganizationProfile(db, carrier, {
    legalNameZh: "上海示例物流有限公司",
    legalNameEn: "Shanghai Demo Logistics Co., Ltd.",
    customsCode: "2201940XYZ",
    unifiedSocialCreditCode: undefined,
    enterpriseTypes: ["logistics_carrier"],
    cn2022BusinessTypes: ["logistics_transport"],
    cn2014Role: "logistics",
    aeoStatus: "none",
    aeoCertificateNumber: undefined,
    aeoCertifiedOn: undefined,
    aeoNextRecertificationOn: undefined,
    timeZone: "Asia/Shanghai",
  });
  await createSite(db, carrier, {
    nameZh: "外高桥堆场",
    nameEn: "Waigaoqiao Yard",
    address: "上海市浦东新区示例路 99 号 (demo address)",
    kind: "yard",
    securityContactName: undefined,
    securityContactPhone: undefined,
  });
  return true;
}

/**
 * The registers a newcomer needs to try the gate and the people pages, not their records: the demo
 * members on the employee list (no identity numbers, dates of birth or checks: the list shows
 * what is missing), the factory's visitor badges and gate keys, and one seal model whose ISO 17712
 * certificate is still to be uploaded. No seal, visit, check, exit or training is made up.
 */
async function seedDemoRegisters(
  db: Database,
  demo: { organizationId: string; userId: string },
  at: { factory: { id: string }; warehouse: { id: string } },
) {
  const accounts = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoAccounts.map((a) => a.email),
      ),
    );
  const userOf = (email: string) => accounts.find((a) => a.email === email)?.id ?? "";
  for (const person of [
    {
      name: "王海 Wang Hai",
      position: "总经理（法定代表人、主要负责人）",
      department: "总经办",
      // A small company's owner: both the legal representative and the principal person in charge.
      keyRoles: ["legal_representative", "principal_person"],
      email: "owner@demo.tradeguard.test",
      hireDate: "2012-06-01",
    },
    { name: "李静 Li Jing", position: "行政经理", department: "行政部", email: "admin@demo.tradeguard.test", hireDate: "2015-03-16" },
    {
      name: "陈敏 Chen Min",
      position: "关务经理（高级认证负责人）",
      department: "关务部",
      keyRoles: ["senior_customs_manager"],
      email: "compliance@demo.tradeguard.test",
      hireDate: "2016-09-01",
    },
    {
      name: "周强 Zhou Qiang",
      position: "安保主管",
      department: "安保部",
      keyRoles: ["trade_security_manager"],
      securitySensitive: "1",
      siteId: at.factory.id,
      email: "securitylead@demo.tradeguard.test",
      hireDate: "2018-04-09",
    },
    {
      name: "张伟 Zhang Wei",
      position: "门岗安保员",
      department: "安保部",
      securitySensitive: "1",
      siteId: at.factory.id,
      email: "security@demo.tradeguard.test",
      hireDate: "2021-07-05",
    },
    {
      name: "刘洋 Liu Yang",
      position: "采购专员",
      department: "采购部",
      email: "procurement@demo.tradeguard.test",
      hireDate: "2019-11-11",
    },
    { name: "黄丽 Huang Li", position: "人事专员", department: "人事部", email: "hr@demo.tradeguard.test", hireDate: "2020-02-17" },
    { name: "赵磊 Zhao Lei", position: "内审专员", department: "审计部", email: "auditor@demo.tradeguard.test", hireDate: "2022-05-23" },
  ]) {
    const { email, ...fields } = person;
    const created = await createEmployee(db, demo, EmployeeSchema.parse({ ...fields, userId: userOf(email) }));
    if (!created.ok) throw new Error(`demo seed: employee ${person.name} refused: ${JSON.stringify(created.errors)}`);
  }
  for (const items of [
    { kind: "visitor_badge", code: "V-001", lastCode: "V-020", description: "临时访客证 Visitor badge", siteId: at.factory.id },
    { kind: "key", code: "K-01", description: "龙岗工厂 1 号门 Gate 1", siteId: at.factory.id },
    { kind: "key", code: "K-02", description: "龙岗工厂 成品仓库 Finished-goods store", siteId: at.factory.id },
    { kind: "key", code: "K-03", description: "盐田保税仓库 监管区 Bonded area", siteId: at.warehouse.id },
  ]) {
    const created = await createAccessItems(db, demo, AccessItemCreateSchema.parse(items));
    if (!created.ok) throw new Error(`demo seed: register items ${items.code} refused: ${JSON.stringify(created)}`);
  }
  const model = await createSealModel(
    db,
    { ...demo, timeZone: "Asia/Shanghai" },
    SealModelSchema.parse({
      manufacturer: "示例封志制造有限公司 Demo Seals Co.",
      modelName: "BS-12 螺栓封",
      type: "bolt",
      isoClass: "H",
      certificateDate: "2025-03-18",
    }),
    // An H-class model is applied only with its ISO 17712 certificate on file (CTPAT 6.5).
    await demoPdf("BS-12-ISO17712.pdf", ["BS-12 bolt seal - ISO 17712:2013 class H test report", "Tested by an ISO/IEC 17025 accredited laboratory."], "2025-03-18"),
  );
  if (!model.ok) throw new Error(`demo seed: seal model refused: ${JSON.stringify(model)}`);
}
