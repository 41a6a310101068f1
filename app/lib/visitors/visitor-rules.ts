import { checkResidentId, maskIdNumber, type ResidentIdCheck } from "../inspections/identity-document";
import { formatReference } from "../references";

// The rules of the gatehouse log: which photo IDs a guard sees and how each number looks, the plate
// of a visitor's vehicle, and when a visitor who never signed out counts as "not signed out".
// Client-safe: the sign-in form checks the same things in the browser.

export const visitorIdTypes = [
  "cn_resident_id",
  "hk_macau_permit",
  "taiwan_permit",
  "passport",
  "foreign_permanent_residence",
  "driving_licence",
  "other",
] as const;
export type VisitorIdType = (typeof visitorIdTypes)[number];

export const visitPurposes = ["meeting", "delivery", "maintenance", "audit", "interview", "other"] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

/** The printed number of each document, without spaces, upper case. */
const ID_FORMATS: Record<Exclude<VisitorIdType, "cn_resident_id">, RegExp> = {
  // 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits (10 on older cards).
  hk_macau_permit: /^[HM]\d{8}(\d{2})?$/,
  // 台湾居民来往大陆通行证: 8 digits (10-digit older permits are still seen).
  taiwan_permit: /^\d{8}(\d{2})?$/,
  // Passports of any country: letters and digits, 5 to 17.
  passport: /^[A-Z0-9]{5,17}$/,
  // 外国人永久居留身份证: 3 letters + 12 digits (2017 card) or 18 characters starting with 9 (2023 card).
  foreign_permanent_residence: /^([A-Z]{3}\d{12}|9\d{16}[\dX])$/,
  // A Chinese driving licence carries the holder's ID number; foreign ones vary.
  driving_licence: /^[A-Z0-9]{6,20}$/,
  other: /^[A-Z0-9()（）-]{4,30}$/,
};

export type VisitorIdCheck = { ok: true; masked: string } | { ok: false; residentId?: Exclude<ResidentIdCheck, { ok: true }> };

export function normalizeIdNumber(input: string): string {
  return input.trim().toUpperCase().replace(/\s/g, "");
}

/** Checks the number for its document type; only the masked form leaves this function. */
export function checkVisitorId(type: VisitorIdType, input: string, today?: string): VisitorIdCheck {
  const value = normalizeIdNumber(input);
  if (type === "cn_resident_id") {
    const checked = checkResidentId(value, today);
    return checked.ok ? { ok: true, masked: maskIdNumber(checked.value) } : { ok: false, residentId: checked };
  }
  return ID_FORMATS[type].test(value) ? { ok: true, masked: maskIdNumber(value) } : { ok: false };
}

// 京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼 + 使 (embassy) and 领 (consulate).
const PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";
// GA 36: the issuing-office letter (no I or O), then 5 characters (fuel) or 6 (new energy); the last
// may be 挂 (trailer), 学 (driving school), 警 (police), 港 / 澳 (cross-border, Guangdong).
const PLATE = new RegExp(`^[${PROVINCES}][A-HJ-NP-Z]([A-HJ-NP-Z0-9]{5}|[A-HJ-NP-Z0-9]{6}|[A-HJ-NP-Z0-9]{4}[挂学警港澳])$`);

/** "沪 a·12345" -> "沪A12345": what the log stores and searches. */
export function normalizePlate(input: string): string {
  return input
    .trim()
    .toUpperCase()
    .replace(/[\s·•.-]/g, "");
}

export function isChinesePlate(input: string): boolean {
  return PLATE.test(normalizePlate(input));
}

export function visitorReference(number: number): string {
  return formatReference("visitor", number);
}

/**
 * A visitor who is still signed in once the calendar day of arrival has ended in the organisation's
 * time zone: that is, arrived before today's local midnight. A visitor signed in at 23:58 is flagged
 * two minutes later; one who arrived at 00:05 has the whole day.
 */
export function isNotSignedOut(entry: { signedInAt: Date | string; signedOutAt: Date | string | null }, startOfToday: Date): boolean {
  return entry.signedOutAt === null && new Date(entry.signedInAt).getTime() < startOfToday.getTime();
}
