// Values an employee's fields take, as plain lists apart from the zod schemas (personnel-schema.ts),
// so that the training rules and pages use them without loading the schema library.

/**
 * The managers the standards name: the legal representative, the senior manager in charge of customs,
 * the head of customs affairs, the trade-security manager, and the principal person in charge (主要负责人)
 * and the finance head (财务负责人) of CN-2014 items 13 and 20 and CN-2022 (15) and (30).
 */
export const keyRoles = [
  "legal_representative",
  "senior_customs_manager",
  "customs_head",
  "trade_security_manager",
  "principal_person",
  "finance_head",
] as const;
export type KeyRole = (typeof keyRoles)[number];

/**
 * The roles one person holds at a time. A company has one legal representative (法定代表人,
 * registered with the market regulator), and both standards speak of "the" legal representative;
 * the other roles may be shared or deputised. Only employees without a leave date count as holders,
 * so a successor is entered once the predecessor's leave date (or the role's removal) is recorded.
 */
export const singleHolderRoles = ["legal_representative"] as const satisfies readonly KeyRole[];
export type SingleHolderRole = (typeof singleHolderRoles)[number];

export function isSingleHolderRole(role: KeyRole): role is SingleHolderRole {
  return (singleHolderRoles as readonly KeyRole[]).includes(role);
}

/** How several roles are written in one cell or line (CSV, dossier): 、 in Chinese, "; " in English. */
export function joinRoleLabels(labels: readonly string[], locale: string): string {
  return labels.join(locale === "en" ? "; " : "、");
}

/** A person's roles in the order of keyRoles, each once. */
export function orderedKeyRoles(roles: readonly string[]): KeyRole[] {
  return keyRoles.filter((r) => roles.includes(r));
}
