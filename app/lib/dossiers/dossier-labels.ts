// The printed names of what a dossier shows, in both languages: the PDF and the registers share them.

import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import type { Bilingual } from "./dossier-types";

/** A record type's name ("检查记录" / "Inspections"), or its key when the registry no longer knows it. */
export function typeLabel(recordType: string): Bilingual {
  const key = recordType as keyof typeof en.evidence.types;
  return { zh: zhCN.evidence.types[key] ?? recordType, en: en.evidence.types[key] ?? recordType };
}
