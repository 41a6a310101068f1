import { Link } from "@remix-run/react";
import { Badge } from "~/components/ui/badge";
import { formatCalendarDate, formatDateTime } from "~/lib/i18n/format";
import type { Locale } from "~/lib/i18n/config";
import { localized } from "~/lib/i18n/localized";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { HighlightPart } from "~/lib/search/search-query";
import type { SearchHit, SearchMatch } from "~/lib/search/search-types";

// One hit of the results page: its reference and name as a link to the record, a line of facts,
// and why it matched (the field, with the matched characters marked).

function Highlighted({ parts }: { parts: HighlightPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-amber-200 px-0.5 text-slate-900">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function MatchLine({ match }: { match: SearchMatch }) {
  const { t } = useTranslation();
  if (match.parts.length === 0) return null;
  return (
    <p className="text-sm text-slate-700">
      <span className="mr-1 text-slate-500">{t("search.matchedField", { field: t(`search.fields.${match.field}`) })}</span>
      <span className="break-all">
        <Highlighted parts={match.parts} />
      </span>
    </p>
  );
}

/** A long text (an incident's description, an audit's scope) as a title: its first line, cut. */
function shortened(text: string, length = 80): string {
  const line = text.split("\n")[0] ?? "";
  return Array.from(line).length > length ? `${Array.from(line).slice(0, length).join("")}…` : line;
}

function useHitText(hit: SearchHit, locale: Locale, timeZone: string): { title: string; facts: string[]; badge?: { text: string; tone: "good" | "bad" | "neutral" } } {
  const { t } = useTranslation();
  switch (hit.kind) {
    case "partner":
      return {
        title: localized(hit, "legalName", locale) || hit.legalNameZh || hit.legalNameEn,
        // The USCC once: as a fact, or as what matched.
        facts: hit.uscc && hit.match.field !== "uscc" ? [t("common.labelValue", { label: t("search.fields.uscc"), value: hit.uscc })] : [],
      };
    case "inspection":
      return {
        title: hit.containerNumber ?? hit.reference,
        facts: [t("search.details.inspected", { date: formatDateTime(hit.occurredAt, locale, timeZone) })],
        badge: hit.result ? { text: t(`search.details.result.${hit.result}`), tone: hit.result === "pass" ? "good" : "bad" } : undefined,
      };
    case "seal":
      return {
        title: hit.target ?? hit.reference,
        facts: [hit.appliedAt ? t("search.details.applied", { date: formatDateTime(hit.appliedAt, locale, timeZone) }) : t("search.details.notApplied")],
      };
    case "visitor":
      return {
        title: hit.visitorName,
        facts: [hit.company, t("search.details.signedIn", { date: formatDateTime(hit.signedInAt, locale, timeZone) })].filter(Boolean),
      };
    case "employee":
      return {
        title: hit.name,
        facts: [hit.position, hit.idNumberMasked ? t("search.details.idNumber", { masked: hit.idNumberMasked }) : ""].filter(Boolean),
        badge: hit.left ? { text: t("search.details.left"), tone: "neutral" } : undefined,
      };
    case "action":
      return { title: hit.title, facts: [t("search.details.due", { date: formatCalendarDate(hit.dueOn, locale) })] };
    case "dossier":
      return {
        title: hit.reference,
        facts: [t("search.details.period", { from: formatCalendarDate(hit.periodFrom, locale), to: formatCalendarDate(hit.periodTo, locale) })],
      };
    case "incident":
      return {
        title: shortened(hit.description),
        facts: [t("search.details.discovered", { date: formatDateTime(hit.discoveredAt, locale, timeZone) })],
        badge: { text: t(`search.details.incidentStatus.${hit.status}`), tone: hit.status === "closed" ? "neutral" : "bad" },
      };
    case "cargo":
      return {
        title: hit.containerNumber || hit.documents || hit.reference,
        facts: [t(`search.details.direction.${hit.direction}`), t("search.details.reconciled", { date: formatCalendarDate(hit.reconciledOn, locale) })],
        badge: hit.discrepancy ? { text: t("search.details.discrepancy"), tone: "bad" } : undefined,
      };
    case "customsContact":
      return { title: hit.subject, facts: [hit.customsOffice, t("search.details.contacted", { date: formatCalendarDate(hit.contactedOn, locale) })].filter(Boolean) };
    case "internalAudit":
      return { title: shortened(hit.scope), facts: [t("search.details.audited", { date: formatCalendarDate(hit.auditedOn, locale) })] };
    case "riskAssessment":
      return {
        title: hit.subject,
        facts: [t("search.details.assessed", { date: formatCalendarDate(hit.assessedOn, locale) })],
        badge: { text: t(`search.details.riskStatus.${hit.status}`), tone: hit.status === "approved" ? "good" : "neutral" },
      };
    case "continuityPlan":
      return {
        title: hit.title,
        facts: [t("search.details.nextTest", { date: formatCalendarDate(hit.nextTestOn, locale) })],
        badge: { text: t(`search.details.riskStatus.${hit.status}`), tone: hit.status === "approved" ? "good" : "neutral" },
      };
  }
}

export function SearchHitItem({ hit, locale, timeZone }: { hit: SearchHit; locale: Locale; timeZone: string }) {
  const text = useHitText(hit, locale, timeZone);
  return (
    <li className="py-3">
      <Link to={hit.href} className="flex flex-wrap items-baseline gap-x-2 font-medium text-brand-700 underline-offset-2 hover:underline">
        <span className="font-mono text-sm text-slate-600">{hit.reference}</span>
        <span className="break-all">{text.title}</span>
      </Link>
      <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        {text.badge ? <Badge tone={text.badge.tone}>{text.badge.text}</Badge> : null}
        {text.facts.map((fact) => (
          <span key={fact} className="text-sm text-slate-600">
            {fact}
          </span>
        ))}
      </div>
      <MatchLine match={hit.match} />
    </li>
  );
}
