// A readable name for the record an audit event is about ("Longgang Factory", "li@example.com"),
// taken from its own snapshot, so the trail reads well even after the record is deleted.

type Snapshot = Record<string, unknown> | null | undefined;

function pick(snapshot: Snapshot, keys: string[]): string | null {
  if (!snapshot || typeof snapshot !== "object") return null;
  for (const key of keys) {
    const value = snapshot[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

export function auditEntityLabel(before: unknown, after: unknown, language: string): string | null {
  const names =
    language === "en"
      ? ["nameEn", "legalNameEn", "titleEn", "nameZh", "legalNameZh", "titleZh"]
      : ["nameZh", "legalNameZh", "titleZh", "nameEn", "legalNameEn", "titleEn"];
  // An inspection is known by its reference (INS-000042), a corrective action by its title.
  const keys = ["reference", ...names, "title", "email"];
  return pick(after as Snapshot, keys) ?? pick(before as Snapshot, keys);
}
