// Records keep a text in both languages side by side (nameZh / nameEn, titleZh / titleEn): the one a
// reader sees is the one of their language. `localized(site, "name", i18n.language)` instead of
// `en ? site.nameEn : site.nameZh` everywhere.

type Bilingual<K extends string> = { readonly [P in `${K}En` | `${K}Zh`]?: unknown };

/** `record[field + "En"]` for an English reader, else `record[field + "Zh"]`. */
export function localized<R extends Bilingual<K>, K extends string>(record: R, field: K, language: string): R[`${K}En` & keyof R] | R[`${K}Zh` & keyof R] {
  return language === "en" ? record[`${field}En` as `${K}En` & keyof R] : record[`${field}Zh` as `${K}Zh` & keyof R];
}
