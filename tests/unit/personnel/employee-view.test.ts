import { describe, expect, test } from "vitest";
import { employeeRights, employeeView, type EmployeeRows } from "~/lib/personnel/employee-view.server";

// The employee page's data, from plain rows: what each role sees and may do, and the lists mapped.

const today = "2025-06-15";
const at = new Date("2025-06-01T08:00:00Z");

const employee: EmployeeRows["employee"] = {
  id: "e1",
  organizationId: "o1",
  number: 7,
  name: "王伟",
  siteId: "s1",
  dateOfBirth: "1990-03-04",
  idDocumentType: "resident_id",
  idNumberCiphertext: "cipher",
  idNumberMasked: "1101**********1234",
  idNumberDigest: "digest",
  position: "仓库主管",
  department: "物流",
  securitySensitive: true,
  keyRoles: [],
  hireDate: "2024-01-10",
  leaveDate: null,
  nextBackgroundCheckOn: "2025-07-01",
  userId: "u9",
  createdByUserId: "u1",
  createdAt: at,
  updatedAt: at,
};

function rows(over: Partial<EmployeeRows> = {}): EmployeeRows {
  return {
    employee,
    site: { nameZh: "上海仓", nameEn: "Shanghai warehouse" },
    records: { prehire: [], background: [], conduct: [] },
    offboarding: null,
    held: [],
    member: null,
    sites: [],
    members: [],
    ...over,
  };
}

describe("employeeRights", () => {
  test("HR manages, reveals identity and closes exits; a security lead only closes exits; an auditor reads", () => {
    expect(employeeRights("hr")).toEqual({ canManage: true, canIdentity: true, canOffboard: true, canManageMembers: false });
    expect(employeeRights("security_lead")).toEqual({ canManage: false, canIdentity: false, canOffboard: true, canManageMembers: false });
    expect(employeeRights("auditor")).toEqual({ canManage: false, canIdentity: false, canOffboard: false, canManageMembers: false });
    expect(employeeRights("owner")).toEqual({ canManage: true, canIdentity: true, canOffboard: true, canManageMembers: true });
  });
});

describe("employeeView", () => {
  test("for HR: the whole record, the date of birth and the linked account; nothing recorded yet", () => {
    const view = employeeView(
      rows({ sites: [{ id: "s1", nameZh: "上海仓", nameEn: "Shanghai warehouse" }], members: [{ userId: "u9", name: "王伟", email: "w@example.cn" }] }),
      "hr",
      today,
      "Asia/Shanghai",
    );
    expect(view).toMatchObject({ today, timeZone: "Asia/Shanghai", canManage: true, canIdentity: true, canOffboard: true, canManageMembers: false });
    expect(view.employee).toEqual({
      id: "e1",
      reference: "EMP-0007",
      name: "王伟",
      position: "仓库主管",
      department: "物流",
      siteId: "s1",
      siteNameZh: "上海仓",
      siteNameEn: "Shanghai warehouse",
      securitySensitive: true,
      keyRoles: [],
      hireDate: "2024-01-10",
      leaveDate: null,
      idDocumentType: "resident_id",
      idNumberMasked: "1101**********1234",
      hasIdNumber: true,
      dateOfBirth: "1990-03-04",
      birthYear: "1990",
      userId: "u9",
      nextBackgroundCheckOn: "2025-07-01",
      recheck: "due",
    });
    expect(view.offboarding).toBeNull();
    expect(view.member).toBeNull();
    expect(view.prehire).toEqual([]);
    expect(view.background).toEqual([]);
    expect(view.conduct).toEqual([]);
    expect(view.sites).toEqual([{ id: "s1", nameZh: "上海仓", nameEn: "Shanghai warehouse" }]);
    expect(view.members).toEqual([{ userId: "u9", name: "王伟", email: "w@example.cn" }]);
  });

  test("for an auditor: the birth year only, no account link, nothing to edit", () => {
    const view = employeeView(rows(), "auditor", today, "Asia/Shanghai");
    expect(view.canManage).toBe(false);
    expect(view.employee.dateOfBirth).toBeNull();
    expect(view.employee.birthYear).toBe("1990");
    expect(view.employee.userId).toBeNull();
    expect(view.sites).toEqual([]);
  });

  test("no site, no identity number, no check yet: the page says so", () => {
    const view = employeeView(
      rows({
        employee: { ...employee, siteId: null, idNumberCiphertext: null, idNumberMasked: null, dateOfBirth: null, nextBackgroundCheckOn: null },
        site: undefined,
      }),
      "hr",
      today,
      "Asia/Shanghai",
    );
    expect(view.employee).toMatchObject({ siteNameZh: null, siteNameEn: null, hasIdNumber: false, birthYear: null, recheck: "missing" });
  });

  test("someone who has left is no longer due a re-check; an open exit past its deadline is overdue", () => {
    const view = employeeView(
      rows({
        employee: { ...employee, leaveDate: "2025-06-01", nextBackgroundCheckOn: "2025-01-01" },
        offboarding: {
          exit: {
            id: "x1",
            organizationId: "o1",
            number: 3,
            employeeId: "e1",
            leaveDate: "2025-06-01",
            deadline: "2025-06-08",
            status: "open",
            doneAt: null,
            openedByUserId: "u1",
            openedAt: at,
          },
          items: [
            {
              item: { id: "i1", organizationId: "o1", offboardingId: "x1", item: "badge_returned", doneAt: at, doneByUserId: "u1", note: "收回" },
              doneByName: "李娜",
            },
          ],
        } as EmployeeRows["offboarding"],
        member: { id: "m1", status: "active", role: "security", email: "w@example.cn" },
      }),
      "owner",
      today,
      "Asia/Shanghai",
    );
    expect(view.employee.recheck).toBeNull();
    expect(view.member).toEqual({ id: "m1", status: "active", email: "w@example.cn" });
    expect(view.offboarding).toEqual({
      reference: "OFB-0003",
      status: "open",
      leaveDate: "2025-06-01",
      deadline: "2025-06-08",
      overdue: true,
      doneAt: null,
      items: [{ item: "badge_returned", doneAt: at, doneByName: "李娜", note: "收回" }],
    });
  });

  test("checks and acknowledgements keep their rows, with their references, who recorded them and the file's name", () => {
    const check = { id: "p1", organizationId: "o1", number: 12, employeeId: "e1", note: "", fileId: "f1", createdAt: at, checkedOn: "2024-01-05" };
    const view = employeeView(
      rows({
        records: {
          prehire: [{ check: { ...check, kind: "reference", source: "前雇主", result: "verified", checkedByUserId: "u1" }, byName: "李娜", fileName: "ref.pdf" }],
          background: [
            {
              check: { ...check, id: "b1", number: 2, type: "criminal_record", provider: "派出所", result: "clear", nextCheckOn: "2025-01-05", recordedByUserId: "u1" },
              byName: "李娜",
              fileName: null,
            },
          ],
          conduct: [
            {
              ack: { id: "c1", organizationId: "o1", employeeId: "e1", codeVersion: "V2.1", acknowledgedOn: "2024-01-10", fileId: null, recordedByUserId: "u1", createdAt: at },
              byName: "李娜",
              fileName: null,
            },
          ],
        } as EmployeeRows["records"],
      }),
      "hr",
      today,
      "Asia/Shanghai",
    );
    expect(view.prehire).toEqual([
      { ...check, kind: "reference", source: "前雇主", result: "verified", checkedByUserId: "u1", reference: "PHC-0012", byName: "李娜", fileName: "ref.pdf" },
    ]);
    expect(view.background[0]).toMatchObject({ id: "b1", reference: "BGC-0002", provider: "派出所", byName: "李娜", fileName: null });
    expect(view.conduct).toEqual([
      { id: "c1", organizationId: "o1", employeeId: "e1", codeVersion: "V2.1", acknowledgedOn: "2024-01-10", fileId: null, recordedByUserId: "u1", createdAt: at, byName: "李娜", fileName: null },
    ]);
  });
});
