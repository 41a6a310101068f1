// What each criterion's section shows of the period's records: a summary counted in the database,
// every exception in full, and a sample of ordinary records stratified by month and site. The pages
// grow with the criteria, the exceptions and the samples, never with the ordinary records: those are
// in the registers attached to the PDF (dossier-registers.server.ts).

import { asc, eq } from "drizzle-orm";
import { sites } from "../../../db/schema";
import type { Executor } from "~/lib/db-types.server";
import {
  actionStats,
  countRecords,
  dossierRecordTypes,
  exceptionRecords,
  ordinaryRecords,
  outcomeLabel,
  sampleStrata,
  type DossierRecordType,
  type FactsContext,
  type LinkedRecord,
  type StratumRow,
} from "./dossier-facts.server";
import { loadRecords } from "./dossier-records.server";
import { pickSample, SHOW_ALL_UP_TO } from "./dossier-sampling";
import type { DossierRecord, DossierScope, OutcomeCount, SectionEvidence } from "./dossier-types";

/** Exceptions printed per record type and criterion; past it the section says how many more the register holds. */
export const MAX_EXCEPTIONS_LISTED = 20_000;
/** Records loaded per round trip. */
const LOAD_PAGE = 1000;

async function loadLinked(db: Executor, c: FactsContext, type: DossierRecordType, links: readonly LinkedRecord[], detailed: boolean): Promise<Map<string, DossierRecord>> {
  const out = new Map<string, DossierRecord>();
  const ids = [...new Set(links.map((l) => l.record_id))];
  const when = new Map(links.map((l) => [l.record_id, l.occurred_at]));
  const outcome = new Map(links.map((l) => [l.record_id, l.outcome]));
  for (let i = 0; i < ids.length; i += LOAD_PAGE) {
    const loaded = await loadRecords(db, c.orgId, type, ids.slice(i, i + LOAD_PAGE), detailed ? { timeZone: c.timeZone } : null);
    for (const [id, record] of loaded) {
      const { siteId: _siteId, ...rest } = record;
      const key = outcome.get(id);
      // A type whose loader prints no result (a visitor entry) shows its outcome: "未登记离开 Not signed out".
      const result = rest.result ?? (key ? outcomeLabel(type, key) : null);
      out.set(id, { ...rest, result, recordType: type, recordId: id, occurredAt: new Date(when.get(id) as Date) });
    }
  }
  return out;
}

function emptyEvidence(): SectionEvidence {
  return { summaries: [], actions: null, exceptions: [], exceptionsOmitted: [], samples: [], sampled: [] };
}

/** The evidence of every criterion in the scope, by criterion id. */
export async function collectSectionEvidence(
  db: Executor,
  c: FactsContext,
  scope: DossierScope,
  months: readonly string[],
  onType?: () => Promise<void>,
): Promise<Map<string, SectionEvidence>> {
  const result = new Map<string, SectionEvidence>(scope.criterionIds.map((id) => [id, emptyEvidence()]));
  if (scope.criterionIds.length === 0) return result;
  const orgSites = await db.select({ id: sites.id, nameZh: sites.nameZh, nameEn: sites.nameEn }).from(sites).where(eq(sites.organizationId, c.orgId)).orderBy(asc(sites.nameZh), asc(sites.id));
  const siteName = new Map(orgSites.map((s) => [s.id, { zh: s.nameZh, en: s.nameEn }]));
  const siteRank = new Map(orgSites.map((s, i) => [s.id, i]));

  for (const type of dossierRecordTypes) {
    const counts = await countRecords(db, type, c, scope);
    if (counts.length === 0) continue;
    const byCriterion = new Map<string, typeof counts>();
    for (const row of counts) byCriterion.set(row.criterion_id, [...(byCriterion.get(row.criterion_id) ?? []), row]);

    for (const [criterionId, rows] of byCriterion) {
      const evidence = result.get(criterionId);
      if (!evidence) continue;
      const monthly = new Map(months.map((m) => [m, { month: m, records: 0, exceptions: 0 }]));
      const bySite = new Map<string | null, { records: number; exceptions: number }>();
      const byOutcome = new Map<string, OutcomeCount & { key: string }>();
      let records = 0;
      let exceptions = 0;
      for (const r of rows) {
        records += r.n;
        if (r.exception) exceptions += r.n;
        const m = monthly.get(r.month);
        if (m) {
          m.records += r.n;
          if (r.exception) m.exceptions += r.n;
        }
        const s = bySite.get(r.site_id) ?? { records: 0, exceptions: 0 };
        s.records += r.n;
        if (r.exception) s.exceptions += r.n;
        bySite.set(r.site_id, s);
        if (r.outcome !== null) {
          const o = byOutcome.get(r.outcome) ?? { key: r.outcome, outcome: outcomeLabel(type, r.outcome), count: 0, exception: r.exception };
          o.count += r.n;
          byOutcome.set(r.outcome, o);
        }
      }
      evidence.summaries.push({
        recordType: type,
        records,
        exceptions,
        months: [...monthly.values()],
        sites: [...bySite.entries()]
          .sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : (siteRank.get(a) ?? 0) - (siteRank.get(b) ?? 0)))
          .map(([id, v]) => ({ site: id === null ? null : (siteName.get(id) ?? null), ...v })),
        // In a fixed order (the database groups in any order): the same data gives the same PDF.
        outcomes: [...byOutcome.values()]
          .sort((a, b) => Number(a.exception) - Number(b.exception) || b.count - a.count || a.key.localeCompare(b.key))
          .map(({ key: _key, ...o }) => o),
      });
    }

    // Every exception, in full (up to the cap).
    const exceptionCriteria = [...byCriterion].filter(([, rows]) => rows.some((r) => r.exception)).map(([id]) => id);
    if (exceptionCriteria.length > 0) {
      const links = await exceptionRecords(db, type, c, { ...scope, criterionIds: exceptionCriteria }, MAX_EXCEPTIONS_LISTED);
      const loaded = await loadLinked(db, c, type, links, true);
      for (const l of links) {
        const record = loaded.get(l.record_id);
        if (record) result.get(l.criterion_id)?.exceptions.push(record);
      }
      for (const id of exceptionCriteria) {
        const total = result.get(id)?.summaries.find((s) => s.recordType === type)?.exceptions ?? 0;
        const listed = links.filter((l) => l.criterion_id === id).length;
        if (total > listed) result.get(id)?.exceptionsOmitted.push({ recordType: type, count: total - listed });
      }
    }

    // A sample of the ordinary records: all of them where there are few, else one per month.
    const ordinaryCount = new Map([...byCriterion].map(([id, rows]) => [id, rows.filter((r) => !r.exception).reduce((n, r) => n + r.n, 0)]));
    const few = [...ordinaryCount].filter(([, n]) => n > 0 && n <= SHOW_ALL_UP_TO).map(([id]) => id);
    const many = [...ordinaryCount].filter(([, n]) => n > SHOW_ALL_UP_TO).map(([id]) => id);
    const chosen: LinkedRecord[] = [];
    if (few.length > 0) chosen.push(...(await ordinaryRecords(db, type, c, { ...scope, criterionIds: few })));
    if (many.length > 0) {
      const strata = await sampleStrata(db, type, c, { ...scope, criterionIds: many });
      const byStratumCriterion = new Map<string, StratumRow[]>();
      for (const s of strata) byStratumCriterion.set(s.criterion_id, [...(byStratumCriterion.get(s.criterion_id) ?? []), s]);
      for (const list of byStratumCriterion.values()) chosen.push(...pickSample(list, months, siteRank));
    }
    if (chosen.length > 0) {
      const loaded = await loadLinked(db, c, type, chosen, false);
      for (const l of chosen) {
        const record = loaded.get(l.record_id);
        if (record) result.get(l.criterion_id)?.samples.push(record);
      }
    }
    for (const [id, ordinary] of ordinaryCount) {
      if (ordinary === 0) continue;
      const shown = result.get(id)?.samples.filter((r) => r.recordType === type).length ?? 0;
      result.get(id)?.sampled.push({ recordType: type, shown, ordinary });
    }
    await onType?.();
  }

  const actions = await actionStats(db, c, scope);
  for (const [id, evidence] of result) {
    evidence.actions = actions.get(id) ?? null;
    evidence.samples.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.reference.localeCompare(b.reference) || a.recordId.localeCompare(b.recordId));
  }
  return result;
}
