import type { listItemsHeldBy } from "~/lib/badges/badges.server";
import { can, type Role } from "~/lib/auth/permissions";
import type { listSites } from "~/lib/organizations/organizations.server";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "~/lib/personnel/personnel-references";
import { isOffboardingOverdue, recheckState } from "~/lib/personnel/personnel-rules";
import type { employeeRecords } from "~/lib/personnel/personnel-checks.server";
import type { getOffboarding, linkedMembership } from "~/lib/personnel/personnel-offboarding.server";
import type { getEmployee, listMemberAccounts } from "~/lib/personnel/personnel-queries.server";

// The employee page's data (app/routes/_app.personnel.$employeeId): the rows its loader read, mapped
// for the page, with what the viewer's role may see and do decided here rather than in the route.

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
type Site = Rows<typeof listSites>[number];

export interface EmployeeRows {
  employee: NonNullable<Rows<typeof getEmployee>>;
  /** The employee's site, when it has one (read even when the viewer may not list sites). */
  site: Pick<Site, "nameZh" | "nameEn"> | undefined;
  records: Rows<typeof employeeRecords>;
  offboarding: Rows<typeof getOffboarding>;
  held: Rows<typeof listItemsHeldBy>;
  member: Rows<typeof linkedMembership>;
  /** The sites and member accounts the edit form offers: empty unless the viewer may manage personnel. */
  sites: Pick<Site, "id" | "nameZh" | "nameEn">[];
  members: Rows<typeof listMemberAccounts>;
}

/** What a role may do on the employee page. */
export function employeeRights(role: Role) {
  return {
    canManage: can(role, "personnel.manage"),
    canIdentity: can(role, "personnel.identity"),
    canOffboard: can(role, "personnel.offboard"),
    canManageMembers: can(role, "members.manage"),
  };
}

export function employeeView(rows: EmployeeRows, role: Role, today: string, timeZone: string) {
  const { employee: e, site, records, offboarding, held, member, sites, members } = rows;
  const { canManage, canIdentity, canOffboard, canManageMembers } = employeeRights(role);
  return {
    today,
    timeZone,
    canManage,
    canIdentity,
    canOffboard,
    canManageMembers,
    employee: {
      id: e.id,
      reference: employeeReference(e.number),
      name: e.name,
      position: e.position,
      department: e.department,
      siteId: e.siteId,
      siteNameZh: site?.nameZh ?? null,
      siteNameEn: site?.nameEn ?? null,
      securitySensitive: e.securitySensitive,
      keyRoles: e.keyRoles,
      hireDate: e.hireDate,
      leaveDate: e.leaveDate,
      idDocumentType: e.idDocumentType,
      idNumberMasked: e.idNumberMasked,
      hasIdNumber: e.idNumberCiphertext !== null,
      // The date of birth is personal data: the year is enough for everyone else (age checks).
      dateOfBirth: canIdentity ? e.dateOfBirth : null,
      birthYear: e.dateOfBirth ? e.dateOfBirth.slice(0, 4) : null,
      userId: canManage ? e.userId : null,
      nextBackgroundCheckOn: e.nextBackgroundCheckOn,
      recheck: recheckState(e.nextBackgroundCheckOn, today, e.leaveDate !== null && e.leaveDate < today),
    },
    member: member ? { id: member.id, status: member.status, email: member.email } : null,
    held,
    offboarding: offboarding
      ? {
          reference: offboardingReference(offboarding.exit.number),
          status: offboarding.exit.status,
          leaveDate: offboarding.exit.leaveDate,
          deadline: offboarding.exit.deadline,
          overdue: isOffboardingOverdue(offboarding.exit.deadline, today, offboarding.exit.status),
          doneAt: offboarding.exit.doneAt,
          items: offboarding.items.map((i) => ({ item: i.item.item, doneAt: i.item.doneAt, doneByName: i.doneByName, note: i.item.note })),
        }
      : null,
    prehire: records.prehire.map((r) => ({
      ...r.check,
      reference: prehireReference(r.check.number),
      byName: r.byName,
      fileName: r.fileName,
    })),
    background: records.background.map((r) => ({
      ...r.check,
      reference: backgroundReference(r.check.number),
      byName: r.byName,
      fileName: r.fileName,
    })),
    conduct: records.conduct.map((r) => ({ ...r.ack, byName: r.byName, fileName: r.fileName })),
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    members,
  };
}

export type EmployeeView = ReturnType<typeof employeeView>;
