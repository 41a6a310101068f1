import { describe, expect, test } from "vitest";
import { can, canAssignRole, permissions, roles, rolesWith, type Permission, type Role } from "~/lib/auth/permissions";

// The whole matrix, spelled out: a change to who may do what must change this table too.
const matrix: Record<Permission, Role[]> = {
  "dashboard.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "organization.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "organization.update": ["owner", "admin"],
  "sites.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "sites.manage": ["owner", "admin"],
  "members.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "members.manage": ["owner", "admin"],
  "audit.read": ["owner", "admin", "compliance", "auditor"],
  "outbox.read": ["owner", "admin"],
  "criteria.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "policies.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "policies.manage": ["owner", "admin", "compliance"],
  "assessments.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "assessments.manage": ["owner", "admin", "compliance"],
  "actions.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "actions.manage": ["owner", "admin", "compliance"],
  "inspections.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "inspections.record": ["owner", "admin", "compliance", "security_lead", "security"],
  "inspections.supervise": ["owner", "admin", "security_lead"],
  "templates.manage": ["owner", "admin", "compliance", "security_lead"],
  "schedules.manage": ["owner", "admin", "compliance", "security_lead"],
  "partners.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "partners.manage": ["owner", "admin", "compliance", "procurement"],
  "partners.decide": ["owner", "admin", "compliance"],
  "partners.policy": ["owner", "admin", "compliance"],
  "clauses.manage": ["owner", "admin", "compliance", "procurement"],
  "seals.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "seals.record": ["owner", "admin", "compliance", "security_lead", "security"],
  "seals.manage": ["owner", "admin", "compliance", "security_lead"],
  "visitors.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "visitors.record": ["owner", "admin", "compliance", "security_lead", "security"],
  "cargo.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "cargo.record": ["owner", "admin", "compliance", "security_lead", "security"],
  "incidents.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "incidents.report": ["owner", "admin", "compliance", "security_lead", "security"],
  "incidents.manage": ["owner", "admin", "compliance", "security_lead"],
  "badges.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "badges.manage": ["owner", "admin", "compliance", "security_lead", "security"],
  "personnel.read": ["owner", "admin", "compliance", "security_lead", "hr", "auditor"],
  "personnel.manage": ["owner", "admin", "hr"],
  "personnel.identity": ["owner", "admin", "hr"],
  "personnel.offboard": ["owner", "admin", "security_lead", "hr"],
  "training.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "training.manage": ["owner", "admin", "compliance", "hr"],
  "internalAudits.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "internalAudits.manage": ["owner", "admin", "compliance"],
  "risk.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "risk.manage": ["owner", "admin", "compliance"],
  "risk.approve": ["owner", "admin"],
  "continuity.read": ["owner", "admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"],
  "continuity.manage": ["owner", "admin", "compliance"],
  "continuity.approve": ["owner", "admin"],
  "dossiers.read": ["owner", "admin", "compliance", "auditor"],
  "dossiers.create": ["owner", "admin", "compliance"],
  "dossiers.share": ["owner", "admin", "compliance"],
  "signing.manage": ["owner", "admin"],
  "notifications.manage": ["owner", "admin"],
};

describe("permission matrix", () => {
  test("lists exactly the permissions of the table", () => {
    expect([...permissions].sort()).toEqual(Object.keys(matrix).sort());
  });

  test.each(Object.entries(matrix))("%s is held by %j", (permission, allowed) => {
    for (const role of roles) expect(can(role, permission as Permission), `${role} ${permission}`).toBe(allowed.includes(role));
    expect([...rolesWith(permission as Permission)].sort()).toEqual([...allowed].sort());
  });

  test("the auditor is read-only", () => {
    const writes = permissions.filter((p) => !p.endsWith(".read"));
    for (const p of writes) expect(can("auditor", p)).toBe(false);
  });
});

describe("canAssignRole(actor, from, to)", () => {
  const others: Role[] = ["admin", "compliance", "security_lead", "security", "procurement", "hr", "auditor"];

  test("an owner may give and take any role, owner included", () => {
    for (const from of [null, ...roles]) for (const to of roles) expect(canAssignRole("owner", from, to)).toBe(true);
  });

  test("an administrator may give and take every role except owner", () => {
    for (const from of [null, ...others]) for (const to of others) expect(canAssignRole("admin", from, to)).toBe(true);
    for (const from of [null, ...roles]) expect(canAssignRole("admin", from, "owner")).toBe(false);
    for (const to of roles) expect(canAssignRole("admin", "owner", to)).toBe(false);
  });

  test.each(["compliance", "security_lead", "security", "procurement", "hr", "auditor"] as const)("a %s may assign nothing", (actor) => {
    for (const from of [null, ...roles]) for (const to of roles) expect(canAssignRole(actor, from, to)).toBe(false);
  });
});
