// The business types of the 2022 standard and the roles of the 2014 standard, from the catalogue
// (db/catalog/business-types.ts), for the pages and for deciding which criteria apply.
import { cn2014Roles, cn2022BusinessTypes, businessTypeOfCriterion } from "../../../db/catalog/business-types";
import type { NamedCode } from "./business-type-values";

export { businessTypeOfCriterion };

/** The ten business types of 附件3 with their names, in the standard's order. */
export function businessTypeNames(): NamedCode[] {
  return cn2022BusinessTypes.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}

/** The roles the 2014 general standard writes paragraphs for. */
export function cn2014RoleNames(): NamedCode[] {
  return cn2014Roles.map(({ code, nameZh, nameEn }) => ({ code, nameZh, nameEn }));
}

/**
 * Is a criterion outside the organisation's business types? Only a cn-2022 business-type criterion
 * can be, and only when the types are recorded (null: not recorded, everything applies).
 */
export function outsideBusinessTypes(
  frameworkCode: string,
  criterion: { stableKey: string | null },
  businessTypes: readonly string[] | null,
): boolean {
  if (!businessTypes || criterion.stableKey === null) return false;
  // The business-type sections are named by stable key, so a renumbered version keeps them.
  const type = businessTypeOfCriterion(frameworkCode, criterion.stableKey);
  return type !== null && !businessTypes.includes(type);
}

/** The paragraph of a 2014 item written for a role ("报关企业：…"), or null when the item has none. */
export function roleParagraph(text: string, role: string | null): string | null {
  const entry = cn2014Roles.find((r) => r.code === role);
  if (!entry) return null;
  const line = text.split("\n").find((l) => entry.labelsZh.some((label) => l.replace(/^（\d+）/, "").startsWith(`${label}：`)));
  return line ?? null;
}

/** The paragraph of a 2014 item for the role in both languages (the English text has the same lines), or null. */
export function roleParagraphs(textZh: string, textEn: string, role: string | null): { zh: string; en: string } | null {
  const zh = roleParagraph(textZh, role);
  if (!zh) return null;
  const index = textZh.split("\n").indexOf(zh);
  return { zh, en: textEn.split("\n")[index] ?? "" };
}
