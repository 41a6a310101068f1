// The employee list through its pages: ID numbers encrypted at rest and never sent unmasked to a
// role without the right, duplicate numbers refused without decrypting, checks and re-check dates,
// the exit checklist (one per leave date, who and when per item, refused while the badge and key
// register shows items held) and overdue exits on the dashboard. A refused write leaves no trace.
import { and, asc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";

// A fixed key (before any app module reads env(), which caches) and a files directory of our own.
await vi.hoisted(async () => {
  process.env.PERSONAL_DATA_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  return (await import("../support/files-directory")).ownFilesDirectory("personnel");
});


import { accessItems, auditEvents, backgroundChecks, employees, memberships, offboardingItems, offboardings } from "../../db/schema";
import { verifyOrganizationChain } from "~/lib/audit/audit.server";
import { loadRecords } from "~/lib/dossiers/dossier-records.server";
import { serverT } from "~/lib/i18n/i18n.server";
import { translateMessage } from "~/lib/i18n/messages";
import { decryptIdNumber } from "~/lib/personnel/personal-data-crypto.server";
import { employeeReference } from "~/lib/personnel/personnel-references";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as fileRoute from "~/routes/files.$fileId";
import * as listRoute from "~/routes/_app.personnel._index";
import * as newEmployeeRoute from "~/routes/_app.personnel.new";
import * as exportRoute from "~/routes/personnel.export[.]csv";
import { addMember, createSite, signUpOrganization, type Member, type SignedUp } from "../support/factories";
import { evidenceOf, shiftDays, today } from "../support/partner-factories";
import {
  createEmployee,
  employeeFields,
  employeePage,
  employeeRow,
  freshResidentId,
  postEmployee,
  postNewEmployee,
} from "../support/personnel-factories";
import { pdfFile } from "../support/policy-factories";
import { callLoader, errorsOf, getRequest, keyOf } from "../support/requests";
import { countRows, query, testDb } from "../support/test-database";


let owner: SignedUp;
let hr: Member;
let compliance: Member;
let securityLead: Member;
let auditor: Member;
let guard: Member;
let procurement: Member;

beforeAll(async () => {
  owner = await signUpOrganization();
  [hr, compliance, securityLead, auditor, guard, procurement] = [
    await addMember(owner.cookie, "hr"),
    await addMember(owner.cookie, "compliance"),
    await addMember(owner.cookie, "security_lead"),
    await addMember(owner.cookie, "auditor"),
    await addMember(owner.cookie, "security"),
    await addMember(owner.cookie, "procurement"),
  ];
});

const counts = async () => ({
  employees: await countRows("employees", sql`organization_id = ${owner.organizationId}`),
  audit: await countRows("audit_events", sql`organization_id = ${owner.organizationId}`),
  offboardings: await countRows("offboardings", sql`organization_id = ${owner.organizationId}`),
});

async function exportText(cookie: string, query = ""): Promise<string> {
  const response = (await exportRoute.loader({
    request: getRequest(`/personnel/export.csv${query}`, { cookie }),
    params: {},
    context: {},
  })) as Response;
  expect(response.status).toBe(200);
  // ignoreBOM: keep the byte-order mark that Excel needs, to see that it is there.
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
}

describe("the employee list and ID numbers", () => {
  test("HR adds an employee: the number is encrypted at rest, masked in lists, and the birth date is read from it", async () => {
    const idNumber = freshResidentId("1988-11-02");
    const employee = await createEmployee(hr.cookie, { idNumber, name: "李娜" });
    expect(employee.idNumberMasked).toBe(`${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`);
    expect(employee.dateOfBirth).toBe("1988-11-02");
    // Every column of the raw row, as the database holds it: the number appears nowhere.
    const raw = await query<Record<string, unknown>>(sql`select * from employees where id = ${employee.id}`);
    const stored = JSON.stringify(raw);
    expect(stored).not.toContain(idNumber);
    expect(stored).not.toContain(idNumber.slice(6, 14));
    expect(decryptIdNumber(employee.idNumberCiphertext!)).toBe(idNumber);
    // The audit trail holds neither the number nor its ciphertext.
    const trail = await testDb().select().from(auditEvents).where(eq(auditEvents.entityId, employee.id));
    expect(JSON.stringify(trail)).not.toContain(idNumber);
    expect(JSON.stringify(trail)).not.toContain(employee.idNumberCiphertext!);
    expect(await evidenceOf("employee", employee.id)).toEqual(["cn-2014-general/23", "cn-2022-advanced/38", "wco-safe-aeo/J"]);
  });

  test("bad input is refused with the reason and writes nothing", async () => {
    const before = await counts();
    const cases: [Record<string, string>, string, string][] = [
      [{ idNumber: "110105194912310021" }, "idNumber", "personnel.residentId.check"],
      [{ idNumber: "11010519491231002" }, "idNumber", "personnel.residentId.length"],
      [{ idNumber: freshResidentId("1990-03-07"), dateOfBirth: "1991-03-07" }, "dateOfBirth", "personnel.birthDateMismatch"],
      [{ leaveDate: "2024-01-01" }, "leaveDate", "personnel.leaveBeforeHire"],
      [{ name: "" }, "name", "errors.required"],
      [{ hireDate: "2024-02-30" }, "hireDate", "errors.date"],
      [{ idDocumentType: "", idNumber: "E12345678" }, "idDocumentType", "personnel.idTypeRequired"],
      [{ siteId: "00000000-0000-4000-8000-000000000000" }, "siteId", "errors.choose"],
    ];
    for (const [overrides, field, key] of cases) {
      const outcome = await postNewEmployee(hr.cookie, employeeFields(overrides));
      expect(outcome.status, JSON.stringify(overrides)).toBe(400);
      expect(keyOf(errorsOf(outcome)[field]), JSON.stringify(overrides)).toBe(key);
    }
    expect(await counts()).toEqual(before);
    // The same on an edit: nothing changes, not even the audit trail.
    const employee = await createEmployee(hr.cookie, { name: "不变" });
    const unchanged = await counts();
    const edit = await postEmployee(hr.cookie, employee.id, {
      intent: "update",
      ...employeeFields({ name: "改名", idNumber: "110105194912310021" }),
    });
    expect(keyOf(errorsOf(edit).idNumber)).toBe("personnel.residentId.check");
    expect(await counts()).toEqual(unchanged);
    expect((await employeeRow(employee.id)).name).toBe("不变");
  });

  test("a second employee with the same ID number is refused as a field error, found by digest", async () => {
    const idNumber = freshResidentId();
    const first = await createEmployee(hr.cookie, { idNumber });
    const before = await counts();
    // Spaces and a lower-case x are the same number.
    const again = await postNewEmployee(
      hr.cookie,
      employeeFields({ idNumber: ` ${idNumber.slice(0, 9)} ${idNumber.slice(9)}`.toLowerCase() }),
    );
    expect(again.status).toBe(400);
    expect(keyOf(errorsOf(again).idNumber)).toBe("personnel.idNumberTaken");
    expect(await counts()).toEqual(before);
    // Saving the employee's own number again is no duplicate.
    const same = await postEmployee(hr.cookie, first.id, { intent: "update", ...employeeFields({ idNumber }) });
    expect(same.status, JSON.stringify(same.data)).toBe(302);
  });

  test("compliance, security lead and auditor never receive the full number; HR's explicit show does and is audited", async () => {
    const idNumber = freshResidentId("1979-06-15");
    const employee = await createEmployee(hr.cookie, { idNumber, name: "赵强" });
    const birth = "1979-06-15";
    for (const reader of [compliance, securityLead, auditor]) {
      const page = await employeePage(reader.cookie, employee.id);
      expect(page.status).toBe(200);
      const body = JSON.stringify(page.data);
      expect(body).not.toContain(idNumber);
      expect(body).not.toContain(birth);
      expect(body).toContain(employee.idNumberMasked!);
      const list = JSON.stringify((await callLoader(listRoute, "/personnel", { cookie: reader.cookie })).data);
      expect(list).not.toContain(idNumber);
      expect(list).not.toContain(birth);
      expect(await exportText(reader.cookie)).not.toContain(idNumber);
      // Asking to show it is refused by role, and reveals nothing.
      const reveal = await postEmployee(reader.cookie, employee.id, { intent: "reveal" });
      expect(reveal.status).toBe(403);
      expect(JSON.stringify(reveal.data)).not.toContain(idNumber);
    }
    // The export masks for HR too.
    const csv = await exportText(hr.cookie);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(employee.idNumberMasked!);
    expect(csv).not.toContain(idNumber);
    // HR's page has the date of birth but not the number until asked.
    const hrPage = JSON.stringify((await employeePage(hr.cookie, employee.id)).data);
    expect(hrPage).toContain(birth);
    expect(hrPage).not.toContain(idNumber);
    const readsBefore = await countRows("audit_events", sql`entity_type = 'personal_data_read' and entity_id = ${employee.id}`);
    const shown = await postEmployee(hr.cookie, employee.id, { intent: "reveal" });
    expect(shown.status).toBe(200);
    expect((shown.data as { revealed: string }).revealed).toBe(idNumber);
    const [read] = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "personal_data_read"), eq(auditEvents.entityId, employee.id)));
    expect(read?.actorUserId).toBe(hr.userId);
    expect(await countRows("audit_events", sql`entity_type = 'personal_data_read' and entity_id = ${employee.id}`)).toBe(readsBefore + 1);
    expect(JSON.stringify(read)).not.toContain(idNumber);
  });

  test("guards and procurement get 403 on every personnel address", async () => {
    const employee = await createEmployee(hr.cookie);
    for (const member of [guard, procurement]) {
      expect((await callLoader(listRoute, "/personnel", { cookie: member.cookie })).status).toBe(403);
      expect((await employeePage(member.cookie, employee.id)).status).toBe(403);
      expect((await callLoader(newEmployeeRoute, "/personnel/new", { cookie: member.cookie })).status).toBe(403);
      const exported = await exportRoute
        .loader({ request: getRequest("/personnel/export.csv", { cookie: member.cookie }), params: {}, context: {} })
        .catch((e: unknown) => e);
      expect((exported as { init?: { status?: number } }).init?.status).toBe(403);
      expect((await postEmployee(member.cookie, employee.id, { intent: "exit", leaveDate: today() })).status).toBe(403);
    }
    // Readers may not write: an auditor cannot open an exit.
    expect((await postEmployee(auditor.cookie, employee.id, { intent: "exit", leaveDate: today() })).status).toBe(403);
  });

  test("the list filters by site, department, status, sensitivity, check due and hire date, and searches", async () => {
    const other = await signUpOrganization();
    const site = await createSite(other.cookie);
    const a = await createEmployee(other.cookie, {
      name: "甲",
      siteId: site.id,
      department: "关务部",
      hireDate: "2020-01-10",
      securitySensitive: "",
    });
    const b = await createEmployee(other.cookie, { name: "乙", department: "仓储部", hireDate: "2023-06-01", leaveDate: "2023-12-31" });
    const names = async (q: string) =>
      (await callLoader<{ employees: { name: string }[] }>(listRoute, `/personnel${q}`, { cookie: other.cookie })).data.employees
        .map((e) => e.name)
        .sort();
    expect(await names("")).toEqual(["乙", "甲"].sort());
    expect(await names(`?site=${site.id}`)).toEqual(["甲"]);
    expect(await names("?department=仓储部")).toEqual(["乙"]);
    expect(await names("?status=left")).toEqual(["乙"]);
    expect(await names("?status=employed")).toEqual(["甲"]);
    expect(await names("?sensitive=1")).toEqual(["乙"]);
    expect(await names("?check=missing")).toEqual(["甲"]);
    expect(await names("?hiredFrom=2021-01-01")).toEqual(["乙"]);
    expect(await names("?hiredTo=2021-01-01")).toEqual(["甲"]);
    expect(await names(`?q=EMP-${a.number}`)).toEqual(["甲"]);
    expect(b.leaveDate).toBe("2023-12-31");
    const csv = await exportText(other.cookie, `?site=${site.id}`);
    expect(csv).toContain("甲");
    expect(csv).not.toContain("乙");
  });
});

describe("key roles", () => {
  type Page = { employee: { keyRoles: string[] } };
  type List = { employees: { id: string; keyRoles: string[] }[] };

  test("one person holds two roles: saved, shown on the list, the page and in the CSV; unticking one keeps the other", async () => {
    const org = await signUpOrganization();
    const employee = await createEmployee(org.cookie, { name: "林总", keyRoles: ["principal_person", "legal_representative"] });
    expect(employee.keyRoles).toEqual(["legal_representative", "principal_person"]);
    expect((await employeePage<Page>(org.cookie, employee.id)).data.employee.keyRoles).toEqual(["legal_representative", "principal_person"]);
    const list = await callLoader<List>(listRoute, "/personnel", { cookie: org.cookie });
    expect(list.data.employees.find((e) => e.id === employee.id)?.keyRoles).toEqual(["legal_representative", "principal_person"]);
    const csv = await exportText(org.cookie);
    expect(csv.split("\r\n")[0]).toContain("关键管理岗位");
    expect(csv).toContain("法定代表人、主要负责人");
    // The dossier's line for the employee names both roles, in each language.
    const line = (await loadRecords(testDb(), org.organizationId, "employee", [employee.id])).get(employee.id);
    expect(line?.summary.zh).toContain("法定代表人、主要负责人");
    expect(line?.summary.en).toContain("Legal representative; Principal person in charge");

    const edit = await postEmployee(org.cookie, employee.id, {
      intent: "update",
      ...employeeFields({ name: "林总", idNumber: "", keyRoles: ["principal_person"] }),
    });
    expect(edit.status, JSON.stringify(edit.data)).toBe(302);
    expect((await employeeRow(employee.id)).keyRoles).toEqual(["principal_person"]);
    // No box ticked: the form sends nothing, and the person holds no role.
    await postEmployee(org.cookie, employee.id, { intent: "update", ...employeeFields({ name: "林总", idNumber: "" }) });
    expect((await employeeRow(employee.id)).keyRoles).toEqual([]);
  });

  test("a role that is not one of the standards' is refused on the boxes and nothing is written", async () => {
    const before = await counts();
    const outcome = await postNewEmployee(hr.cookie, employeeFields({ keyRoles: ["legal_representative", "cashier"] }));
    expect(outcome.status).toBe(400);
    expect(keyOf(errorsOf(outcome).keyRoles)).toBe("errors.choose");
    expect(await counts()).toEqual(before);
  });

  test("one current legal representative: a second is refused naming the holder, until the holder's role is removed or they leave", async () => {
    const org = await signUpOrganization();
    const footprint = async () => ({
      employees: await countRows("employees", sql`organization_id = ${org.organizationId}`),
      audit: await countRows("audit_events", sql`organization_id = ${org.organizationId}`),
    });
    const first = await createEmployee(org.cookie, { name: "王海", keyRoles: ["legal_representative", "principal_person"] });
    const before = await footprint();
    const refused = await postNewEmployee(org.cookie, employeeFields({ name: "李新", keyRoles: ["legal_representative"] }));
    expect(refused.status).toBe(400);
    const error = errorsOf(refused).keyRoles!;
    expect(keyOf(error)).toBe("personnel.keyRoleHeld.legal_representative");
    expect(translateMessage(serverT("zh-CN"), error)).toBe(
      `${employeeReference(first.number)} 王海已登记为法定代表人，企业只有一名法定代表人。请先在其记录中取消该岗位，或登记其离职日期。`,
    );
    expect(translateMessage(serverT("en"), error)).toContain(`${employeeReference(first.number)} 王海 is recorded as the legal representative`);
    expect(await footprint()).toEqual(before);

    // The other way: an existing employee edited to become legal representative is refused too.
    const second = await createEmployee(org.cookie, { name: "李新", keyRoles: ["principal_person"] });
    const promoted = await postEmployee(org.cookie, second.id, {
      intent: "update",
      ...employeeFields({ name: "李新", idNumber: "", keyRoles: ["legal_representative", "principal_person"] }),
    });
    expect(keyOf(errorsOf(promoted).keyRoles)).toBe("personnel.keyRoleHeld.legal_representative");
    expect((await employeeRow(second.id)).keyRoles).toEqual(["principal_person"]);
    // Saving the holder themself is no conflict; other shared roles (principal person) are not limited.
    const resaved = await postEmployee(org.cookie, first.id, {
      intent: "update",
      ...employeeFields({ name: "王海", idNumber: "", keyRoles: ["legal_representative", "principal_person"] }),
    });
    expect(resaved.status, JSON.stringify(resaved.data)).toBe(302);

    // Once the holder's leave date is entered, the successor may be recorded.
    const left = await postEmployee(org.cookie, first.id, {
      intent: "update",
      ...employeeFields({ name: "王海", idNumber: "", leaveDate: "2026-12-31", keyRoles: ["legal_representative"] }),
    });
    expect(left.status, JSON.stringify(left.data)).toBe(302);
    const successor = await postEmployee(org.cookie, second.id, {
      intent: "update",
      ...employeeFields({ name: "李新", idNumber: "", keyRoles: ["legal_representative", "principal_person"] }),
    });
    expect(successor.status, JSON.stringify(successor.data)).toBe(302);
    expect((await employeeRow(second.id)).keyRoles).toEqual(["legal_representative", "principal_person"]);
  });
});

describe("checks and acknowledgements", () => {
  test("a background check sets the next re-check by post sensitivity, follows a change of post, and feeds evidence", async () => {
    const employee = await createEmployee(hr.cookie, { securitySensitive: "1", hireDate: "2024-05-06" });
    const checkedOn = "2024-04-20";
    const recorded = await postEmployee(hr.cookie, employee.id, {
      intent: "background",
      type: "criminal_record",
      provider: "上海市公安局浦东分局某派出所",
      checkedOn,
      result: "clear",
      file: pdfFile("certificate.pdf"),
    });
    expect(recorded.status, JSON.stringify(recorded.data)).toBe(302);
    expect((await employeeRow(employee.id)).nextBackgroundCheckOn).toBe("2025-04-20");
    const [check] = await testDb().select().from(backgroundChecks).where(eq(backgroundChecks.employeeId, employee.id));
    expect(check?.fileId).not.toBeNull();
    // The certificate is personal data: the guard and the buyer cannot download it, HR and the auditor can.
    const download = (cookie: string) => callLoader(fileRoute, `/files/${check!.fileId}`, { cookie, params: { fileId: check!.fileId! } });
    for (const who of [guard, procurement]) expect((await download(who.cookie)).status).toBe(404);
    for (const who of [hr, auditor]) expect((await download(who.cookie)).status).toBe(200);
    expect(await evidenceOf("background_check", check!.id)).toContain("ctpat-msc/11.2");
    // The post is no longer sensitive: the 36-month interval applies.
    const moved = await postEmployee(hr.cookie, employee.id, {
      intent: "update",
      ...employeeFields({ idNumber: "", securitySensitive: "", hireDate: "2024-05-06" }),
    });
    expect(moved.status, JSON.stringify(moved.data)).toBe(302);
    expect((await employeeRow(employee.id)).nextBackgroundCheckOn).toBe("2027-04-20");
    // The number was kept though the field was empty.
    expect((await employeeRow(employee.id)).idNumberCiphertext).toBe(employee.idNumberCiphertext);
    // A check in the future is refused and writes nothing.
    const audit = await countRows("audit_events", sql`organization_id = ${owner.organizationId}`);
    const future = await postEmployee(hr.cookie, employee.id, {
      intent: "background",
      type: "other",
      provider: "X",
      checkedOn: shiftDays(today(), 3),
      result: "clear",
    });
    expect(keyOf(errorsOf(future).checkedOn)).toBe("personnel.inFuture");
    expect(await countRows("audit_events", sql`organization_id = ${owner.organizationId}`)).toBe(audit);
  });

  test("pre-hire checks and conduct acknowledgements are recorded with who and feed their criteria", async () => {
    const employee = await createEmployee(hr.cookie);
    const prehire = await postEmployee(hr.cookie, employee.id, {
      intent: "prehire",
      kind: "reference",
      source: "原单位人事部 张经理",
      checkedOn: "2024-04-30",
      result: "verified",
    });
    expect(prehire.status, JSON.stringify(prehire.data)).toBe(302);
    const conduct = await postEmployee(hr.cookie, employee.id, {
      intent: "conduct",
      codeVersion: "员工行为准则 V2.1",
      acknowledgedOn: "2024-05-06",
    });
    expect(conduct.status, JSON.stringify(conduct.data)).toBe(302);
    const page = (
      await employeePage<{ prehire: { id: string; byName: string; reference: string }[]; conduct: { id: string }[] }>(
        hr.cookie,
        employee.id,
      )
    ).data;
    expect(page.prehire[0]?.byName).toBe(hr.name);
    expect(page.prehire[0]?.reference).toMatch(/^PHC-\d{4}$/);
    expect(await evidenceOf("prehire_check", page.prehire[0]!.id)).toContain("ctpat-msc/11.1");
    expect(await evidenceOf("conduct_acknowledgement", page.conduct[0]!.id)).toContain("ctpat-msc/11.5");
    const bad = await postEmployee(hr.cookie, employee.id, {
      intent: "prehire",
      kind: "nope",
      source: "",
      checkedOn: "x",
      result: "verified",
    });
    expect(Object.keys(errorsOf(bad)).sort()).toEqual(["checkedOn", "kind", "source"]);
  });
});

describe("the exit checklist", () => {
  test("a leave date opens one checklist (not two on a second save), items record who and when, the exit completes", async () => {
    const employee = await createEmployee(hr.cookie, { leaveDate: shiftDays(today(), 5) });
    const exits = () => testDb().select().from(offboardings).where(eq(offboardings.employeeId, employee.id));
    expect(await exits()).toHaveLength(1);
    expect((await exits())[0]?.deadline).toBe(shiftDays(today(), 5));
    // Saved again, then moved: still one, with the new dates.
    await postEmployee(hr.cookie, employee.id, { intent: "update", ...employeeFields({ idNumber: "", leaveDate: shiftDays(today(), 5) }) });
    await postEmployee(hr.cookie, employee.id, { intent: "update", ...employeeFields({ idNumber: "", leaveDate: shiftDays(today(), 2) }) });
    const [exit] = await exits();
    expect(await exits()).toHaveLength(1);
    expect(exit?.leaveDate).toBe(shiftDays(today(), 2));
    // The leave date cannot be removed while the exit exists.
    const removed = await postEmployee(hr.cookie, employee.id, { intent: "update", ...employeeFields({ idNumber: "", leaveDate: "" }) });
    expect(keyOf(errorsOf(removed).leaveDate)).toBe("personnel.leaveDateKept");

    const tick = (member: { cookie: string }, item: string, note = "") =>
      postEmployee(member.cookie, employee.id, { intent: "item", item, note });
    expect((await tick(auditor, "badge_returned")).status).toBe(403);
    expect((await tick(securityLead, "site_access_revoked", "门禁系统已删除")).status).toBe(302);
    const [site] = await testDb()
      .select()
      .from(offboardingItems)
      .where(and(eq(offboardingItems.offboardingId, exit!.id), eq(offboardingItems.item, "site_access_revoked")));
    expect(site?.doneByUserId).toBe(securityLead.userId);
    expect(site?.doneAt).toBeInstanceOf(Date);
    expect(site?.note).toBe("门禁系统已删除");
    for (const item of ["badge_returned", "keys_equipment_returned"]) expect((await tick(hr, item)).status).toBe(302);
    expect((await exits())[0]?.status).toBe("open");
    const last = await tick(hr, "it_access_revoked");
    expect(last.location).toContain("exitDone=1");
    expect((await exits())[0]?.status).toBe("done");
    expect(await evidenceOf("offboarding", exit!.id)).toContain("cn-2022-advanced/40");
    // Opened, moved, four items ticked, closed: each a change in the trail, named by its reference.
    const trail = await testDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "offboarding"), eq(auditEvents.entityId, exit!.id)))
      .orderBy(asc(auditEvents.seq));
    expect(trail.map((e) => e.action)).toEqual(["create", "update", "update", "update", "update", "update", "update"]);
    expect(trail.filter((e) => e.actorUserId === securityLead.userId)).toHaveLength(1);
    expect((trail.at(-1)?.after as { reference: string }).reference).toMatch(/^OFB-\d{4} /);
    const chain = await verifyOrganizationChain(testDb(), owner.organizationId);
    expect(chain.ok).toBe(true);
  });

  test("the badge item is refused while the register shows a badge held, naming it", async () => {
    const employee = await createEmployee(hr.cookie, { leaveDate: today() });
    await testDb()
      .insert(accessItems)
      .values({
        organizationId: owner.organizationId,
        kind: "employee_badge",
        code: `B-${employee.number}`,
        status: "issued",
        holderEmployeeId: employee.id,
        issuedAt: new Date(),
      });
    const page = (await employeePage<{ held: { code: string }[] }>(hr.cookie, employee.id)).data;
    expect(page.held.map((h) => h.code)).toEqual([`B-${employee.number}`]);
    const refused = await postEmployee(hr.cookie, employee.id, { intent: "item", item: "badge_returned" });
    expect(refused.status).toBe(400);
    expect(errorsOf(refused).item).toContain(`B-${employee.number}`);
    const [item] = await testDb()
      .select()
      .from(offboardingItems)
      .innerJoin(offboardings, eq(offboardings.id, offboardingItems.offboardingId))
      .where(and(eq(offboardings.employeeId, employee.id), eq(offboardingItems.item, "badge_returned")));
    expect(item?.offboarding_items.doneAt).toBeNull();
    // Keys are a separate item: a badge held does not block it.
    expect((await postEmployee(hr.cookie, employee.id, { intent: "item", item: "keys_equipment_returned" })).status).toBe(302);
    // Returned in the register: the item can be ticked.
    await testDb()
      .update(accessItems)
      .set({ status: "available", holderEmployeeId: null })
      .where(eq(accessItems.holderEmployeeId, employee.id));
    expect((await postEmployee(hr.cookie, employee.id, { intent: "item", item: "badge_returned" })).status).toBe(302);
  });

  test("IT access revoked can deactivate the employee's own Tradeguard membership (owner only here)", async () => {
    const leaver = await addMember(owner.cookie, "compliance");
    const employee = await createEmployee(owner.cookie, { userId: leaver.userId, leaveDate: today() });
    // HR may not manage members: the option is refused, nothing changes.
    const byHr = await postEmployee(hr.cookie, employee.id, { intent: "item", item: "it_access_revoked", deactivateMember: "1" });
    expect(byHr.status).toBe(400);
    const done = await postEmployee(owner.cookie, employee.id, { intent: "item", item: "it_access_revoked", deactivateMember: "1" });
    expect(done.status, JSON.stringify(done.data)).toBe(302);
    const [membership] = await testDb().select().from(memberships).where(eq(memberships.userId, leaver.userId));
    expect(membership?.status).toBe("deactivated");
  });

  test("overdue exits show on the dashboard and in the list filter until done", async () => {
    const org = await signUpOrganization();
    const employee = await createEmployee(org.cookie, { name: "逾期离职者", hireDate: "2020-01-01", leaveDate: shiftDays(today(), -2) });
    await createEmployee(org.cookie, { name: "下周离职者", hireDate: "2020-01-01", leaveDate: shiftDays(today(), 7) });
    // A lone owner does HR's work too: the exit is on their own list, its open items counted.
    type Groups = { groups: { kind: string; lines: { title: { zh: string; en: string } }[] }[] };
    const dashboard = async () =>
      (await callLoader<Groups>(dashboardRoute, "/", { cookie: org.cookie })).data.groups.find((g) => g.kind === "exit_overdue")?.lines ?? [];
    expect((await dashboard()).map((l) => l.title.zh)).toEqual([expect.stringMatching(/^OFB-\d{4} 逾期离职者：离职手续逾期，4 项未完成$/)]);
    const list = await callLoader<{ employees: { name: string }[] }>(listRoute, "/personnel?exit=overdue", { cookie: org.cookie });
    expect(list.data.employees.map((e) => e.name)).toEqual(["逾期离职者"]);
    for (const item of ["badge_returned", "keys_equipment_returned", "site_access_revoked"])
      await postEmployee(org.cookie, employee.id, { intent: "item", item });
    expect((await dashboard())[0]?.title.en).toMatch(/逾期离职者: exit checklist overdue, 1 items open$/);
    await postEmployee(org.cookie, employee.id, { intent: "item", item: "it_access_revoked" });
    expect(await dashboard()).toEqual([]);
  });
});

test("the audit trail stays a valid chain and every employee row is encrypted", async () => {
  const rows = await testDb()
    .select({ c: employees.idNumberCiphertext })
    .from(employees)
    .where(eq(employees.organizationId, owner.organizationId));
  for (const row of rows) if (row.c) expect(row.c.startsWith("v1.")).toBe(true);
  expect((await verifyOrganizationChain(testDb(), owner.organizationId)).ok).toBe(true);
});
