// What a dossier prints of an internal audit: its reference, date, auditors and scope, and the result.
import { internalAudits } from "../../../db/schema/internal-audits";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { formatReference } from "~/lib/references";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, join, label, source, type Loader } from "./dossier-record-source.server";

const SCOPE_CHARS = 120;
const excerpt = (text: string) => {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > SCOPE_CHARS ? `${chars.slice(0, SCOPE_CHARS).join("")}…` : chars.join("");
};

export const auditLoaders = {
  internal_audit: source({
    table: internalAudits,
    columns: {
      id: internalAudits.id,
      number: internalAudits.number,
      auditedOn: internalAudits.auditedOn,
      auditors: internalAudits.auditors,
      scope: internalAudits.scope,
      result: internalAudits.result,
    },
    line: (r) => ({
      reference: formatReference("internalAudit", r.number),
      path: `/internal-audits/${r.id}`,
      summary: both(join(r.auditedOn, `审计人员 ${r.auditors}`, excerpt(r.scope)), join(r.auditedOn, `auditors ${r.auditors}`, excerpt(r.scope))),
      result: label(zhCN.internalAudits.results, en.internalAudits.results, r.result),
    }),
  }),
} satisfies Partial<Record<DossierRecordType, Loader>>;
