import { Link } from "@remix-run/react";
import { CollapsibleText, headingCode, MappingBadges, ProvenanceNote } from "~/components/criteria/criterion-parts";
import type { FrameworkCriteriaNode } from "~/lib/criteria/framework-criteria-view.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { indent, OptionsLine } from "./options-line";
import { localized } from "~/lib/i18n/localized";

/** A class or article heading: not assessed itself, it may state the options of everything under it. */
export function HeadingRow(props: { node: FrameworkCriteriaNode; frameworkCode: string; rule: string }) {
  const { t, i18n } = useTranslation();
  const n = props.node;
  const en = i18n.language === "en";
  const top = n.depth === 0;
  const Tag = top ? "h2" : "h3";
  return (
    <li id={`c-${n.key}`} className={`scroll-mt-4 ${top ? "pt-4" : "pt-2"} ${indent[n.depth] ?? indent[3]}`}>
      <Tag className={`flex items-baseline ${headingCode(t, n).endsWith("、") ? "" : "gap-2"} ${top ? "text-lg" : "text-base"} font-semibold text-slate-900`}>
        <span className="shrink-0 text-slate-600">{headingCode(t, n)}</span>
        <Link to={`/criteria/${props.frameworkCode}/${encodeURIComponent(n.key)}`} className="hover:underline">
          {localized(n, "title", i18n.language)}
        </Link>
      </Tag>
      <p className="text-sm text-slate-500" lang={en ? "zh-CN" : "en"}>
        {en ? n.titleZh : n.titleEn}
      </p>
      {n.textZh || n.textEn ? (
        <div className="mt-1 text-sm">
          <CollapsibleText zh={n.textZh} en={n.textEn} />
        </div>
      ) : null}
      <div className="mt-1 space-y-1">
        <ProvenanceNote provenance={n.provenance} noteZh={n.noteZh} noteEn={n.noteEn} />
        <OptionsLine options={n.headingOptions} rule={props.rule} />
        {n.mappings.length ? <MappingBadges mappings={n.mappings} /> : null}
      </div>
    </li>
  );
}
