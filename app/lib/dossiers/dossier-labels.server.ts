// The printed names of what a dossier shows, in both languages: the PDF and the registers share them.

import { translations } from "~/lib/i18n/translations.server";
import type { Bilingual } from "./dossier-types";

/** A record type's name ("检查记录" / "Inspections"), or its key when the registry no longer knows it. */
export function typeLabel(recordType: string): Bilingual {
  const key = recordType as keyof typeof translations.en.evidence.types;
  return { zh: translations["zh-CN"].evidence.types[key] ?? recordType, en: translations.en.evidence.types[key] ?? recordType };
}
