import { Link } from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { CodeParts } from "~/lib/criteria/criterion-code";
import { localized } from "~/lib/i18n/localized";

// Pieces the three criteria pages share: the standard's codes, bilingual text with the reader's
// language first, the provenance warning, and the cross-walk badges.

/** The framework's short name; a framework the translations do not name yet shows its code. */
export function frameworkShort(t: TFunction, code: string): string {
  return t(`criteria.short.${code}` as "criteria.short.cn-2022-advanced", { defaultValue: code });
}

/** The code as printed in the standard, in the reader's language (see criterion-code.ts). */
export function criterionCode(t: TFunction, criterion: CodeParts): string {
  return criterion.part === "business_type" && criterion.level !== "class"
    ? t("criteria.businessCode", { code: criterion.code })
    : criterion.code;
}

/** A class code printed as a Chinese numeral reads 一、 as in the standard; otherwise the code itself. */
export function headingCode(t: TFunction, criterion: { code: string; part: string | null; level: string }): string {
  const code = criterionCode(t, criterion);
  return /^[一二三四五六七八九十]+$/.test(code) ? `${code}、` : code;
}

/** "一、内部控制标准", "（十五）集装箱安全控制措施", "5.3 Pre-loading inspections": for breadcrumbs and links. */
export function criterionLabel(t: TFunction, criterion: { code: string; part: string | null; level: string }, title: string): string {
  const code = headingCode(t, criterion);
  return /[、）]$/.test(code) ? `${code}${title}` : `${code} ${title}`;
}

export function CodeBadge(props: { children: ReactNode; className?: string }) {
  return (
    <span
      className={`inline-flex min-w-8 shrink-0 self-start items-center justify-center rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-sm font-semibold text-slate-800 ${props.className ?? ""}`}
    >
      {props.children}
    </span>
  );
}

/** Both languages: the reader's first, the other below in smaller grey. */
export function BilingualText(props: { zh: string; en: string; className?: string }) {
  const { i18n } = useTranslation();
  const english = i18n.language === "en";
  const [first, second] = english ? [props.en, props.zh] : [props.zh, props.en];
  const [firstLang, secondLang] = english ? ["en", "zh-CN"] : ["zh-CN", "en"];
  return (
    <div className={props.className}>
      {first ? (
        <p lang={firstLang} className="whitespace-pre-line text-slate-900">
          {first}
        </p>
      ) : null}
      {second ? (
        <p lang={secondLang} className="mt-1 whitespace-pre-line text-sm text-slate-500">
          {second}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Long text folds into a <details> (works without JavaScript). Chinese says in about 120 characters
 * what English says in about 360, so each language has its own limit.
 */
export function CollapsibleText(props: { zh: string; en: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === "en";
  const first = english ? props.en : props.zh;
  const limit = english ? 300 : 100;
  if (!props.zh && !props.en) return null;
  if (props.zh.length <= 120 && props.en.length <= 360) return <BilingualText zh={props.zh} en={props.en} />;
  return (
    <details className="group">
      <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
        <span className="text-slate-900 group-open:hidden">{first.slice(0, limit).replace(/\s+/g, " ")}… </span>
        <span className="whitespace-nowrap text-sm font-medium text-brand-700 underline">
          <span className="group-open:hidden">{t("criteria.showText")}</span>
          <span className="hidden group-open:inline">{t("criteria.hideText")}</span>
        </span>
      </summary>
      <BilingualText zh={props.zh} en={props.en} className="mt-1" />
    </details>
  );
}

/** A visible note whenever the wording is not the standard's own. */
export function ProvenanceNote(props: { provenance: string; noteZh: string | null; noteEn: string | null }) {
  const { t, i18n } = useTranslation();
  if (props.provenance === "official") return null;
  const label = props.provenance === "inferred" ? t("criteria.provenance.inferred") : t("criteria.provenance.reconstructed");
  const note = i18n.language === "en" ? props.noteEn : props.noteZh;
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      <span className="font-semibold">{label}</span>
      {note ? <span>{i18n.language === "en" ? " — " : "："}{note}</span> : null}
    </p>
  );
}

export interface MappingLink {
  frameworkCode: string;
  key: string;
  code: string;
  part: string | null;
  titleZh: string;
  titleEn: string;
}

/** The same topic in the other frameworks: one line per framework, its codes as small links. */
export function MappingBadges(props: { mappings: readonly MappingLink[] }) {
  const { t, i18n } = useTranslation();
  const groups = new Map<string, MappingLink[]>();
  for (const m of props.mappings) groups.set(m.frameworkCode, [...(groups.get(m.frameworkCode) ?? []), m]);
  return (
    <dl className="space-y-1 text-sm">
      {[...groups.entries()].map(([code, list]) => (
        <div key={code} className="flex flex-wrap items-baseline gap-x-1 gap-y-1">
          <dt className="mr-1 text-slate-500">{frameworkShort(t, code)}</dt>
          {list.map((m) => (
            <dd key={m.key}>
              <Link
                to={`/criteria/${m.frameworkCode}/${encodeURIComponent(m.key)}`}
                title={localized(m, "title", i18n.language)}
                className="inline-flex min-h-7 items-center rounded bg-brand-50 px-1.5 font-medium text-brand-800 ring-1 ring-inset ring-brand-100 hover:bg-brand-100"
              >
                {criterionCode(t, { ...m, level: "item" })}
              </Link>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

/** A criterion an item or clause feeds, as a small link: the framework, then the criterion's code. */
export function CriterionRefLink(props: {
  refKey: { framework: string; key: string };
  label: { code: string; level: string; part: string | null; titleZh: string; titleEn: string } | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { refKey, label } = props;
  return (
    <Link
      to={`/criteria/${refKey.framework}/${encodeURIComponent(refKey.key)}`}
      className="inline-flex min-h-9 items-center gap-1 text-brand-700 underline"
      title={label ? localized(label, "title", i18n.language) : undefined}
    >
      <span className="text-slate-500">{frameworkShort(t, refKey.framework)}</span>
      <CodeBadge>{label ? criterionCode(t, label) : refKey.key}</CodeBadge>
    </Link>
  );
}
