import type { Executor } from "../db-types.server";
import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { csvDocument } from "../spreadsheet-cells.server";
import type { ContinuityFilter } from "./continuity-filter";
import { listContinuityPlans } from "./continuity-queries.server";

// The continuity plan register as CSV, apart from the queries so that the attention model (every
// dashboard) reads the plans without the register's texts.

/** The register as CSV in the reader's language: one row per plan, as filtered. */
export async function continuityPlansCsv(db: Executor, orgId: string, filter: ContinuityFilter, today: string, locale: Locale, origin: string): Promise<string> {
  const { t } = createI18n(locale);
  const rows = await listContinuityPlans(db, orgId, filter, today);
  const columns = ["reference", "title", "version", "revisedOn", "scope", "disruptions", "recoveryHours", "status", "nextReviewOn", "tests", "lastTestedOn", "lastResult", "nextTestOn", "author", "approver", "link"] as const;
  return csvDocument(
    columns.map((c) => t(`continuity.csv.${c}`)),
    rows.map((r) => [
      r.reference,
      r.title,
      r.version,
      r.revisedOn,
      r.scope,
      r.disruptions.map((d) => t(`continuity.disruptions.${d}` as "continuity.disruptions.it_outage")).join("; "),
      r.recoveryHours,
      t(`continuity.statuses.${r.status}`),
      r.nextReviewOn,
      r.testCount,
      r.lastTestedOn ?? "",
      r.lastResult ? t(`continuity.results.${r.lastResult}`) : "",
      r.nextTestOn,
      r.authorName ?? "",
      r.approverName ?? "",
      `${origin}/continuity/${r.id}`,
    ]),
  );
}
