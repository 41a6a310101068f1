import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { createI18n } from "~/lib/i18n/translations.server";
import { localDateTimeInZone, todayInZone } from "~/lib/i18n/format";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { inspectionReference } from "~/lib/inspections/inspection-rules";
import { appBaseUrl } from "~/lib/request-origin.server";
import { parseSealFilter } from "~/lib/seals/seal-filter";
import { sealAuditReference, sealEventReference } from "~/lib/seals/seal-numbers";
import { listSealAudits } from "~/lib/seals/seal-audits.server";
import { listSealEventsForExport, listSeals } from "~/lib/seals/seal-queries.server";
import { csvDocument, csvResponse } from "~/lib/spreadsheet-cells.server";
import { localized } from "~/lib/i18n/localized";

// /seals/export.csv?<the log's filters>: one row per seal as the filtered log shows it; with
// &rows=events one row per step of their chains (the seal log a certifier samples); with
// &rows=audits one row per seal audit of the site and dates, with the numbers it found missing. In the reader's
// language, UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

function spreadsheetTime(value: Date | null, timeZone: string): string {
  return value ? localDateTimeInZone(value, timeZone).replace("T", " ") : "";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "seals.read");
  const locale = await resolveLocale(request, auth.user.locale);
  const { t } = createI18n(locale);
  const timeZone = auth.organization.timeZone;
  const filter = parseSealFilter(new URL(request.url).searchParams);
  const en = locale === "en";
  const origin = appBaseUrl(request);
  if (new URL(request.url).searchParams.get("rows") === "events") {
    const events = await listSealEventsForExport(auth.db, auth.organization.id, filter, timeZone);
    const eventColumns = [
      "reference",
      "occurredAt",
      "sealNumber",
      "step",
      "recordedBy",
      "site",
      "custodian",
      "target",
      "loadState",
      "shipmentRef",
      "inspection",
      "vvtt",
      "documentNumber",
      "note",
      "photos",
      "link",
    ] as const;
    const check = (ok: boolean | null) => (ok === null ? "" : ok ? t("seals.vvtt.pass") : t("seals.vvtt.fail"));
    const rows = events.map((r) => {
      const e = r.event;
      const step =
        e.kind === "verified"
          ? t(e.passed ? "seals.event.verifiedPassed" : "seals.event.verifiedFailed", { stage: t(`seals.stage.${e.stage ?? "departure"}`) })
          : e.kind === "reported"
            ? t("seals.event.reportedKind", { kind: t(`seals.reportKind.${e.reportKind ?? "discrepancy"}`) })
            : t(`seals.event.${e.kind}`);
      const vvtt =
        e.kind === "verified"
          ? (["view", "verify", "tug", "twist"] as const).map((c) => `${t(`seals.vvtt.${c}.short`)} ${check(e[`${c}Ok`])}`).join(" / ")
          : "";
      return [
        sealEventReference(e.number),
        spreadsheetTime(e.occurredAt, timeZone),
        r.sealNumber,
        step,
        r.recordedByName,
        localized(r, "siteName", locale) ?? "",
        r.custodianName ?? "",
        e.target ?? "",
        e.loadState ? t(`seals.loadState.${e.loadState}`) : "",
        e.shipmentRef ?? "",
        r.inspectionNumber ? inspectionReference(r.inspectionNumber) : "",
        vvtt,
        e.documentNumber ?? "",
        e.note,
        r.photos ?? "",
        `${origin}/seals/${e.sealId}`,
      ];
    });
    const eventHeading = (c: (typeof eventColumns)[number]) =>
      c === "occurredAt" ? `${t("seals.csv.events.occurredAt")} (${timeZone})` : t(`seals.csv.events.${c}`);
    return csvResponse(csvDocument(eventColumns.map(eventHeading), rows), `seal-log-${todayInZone(timeZone)}.csv`);
  }
  if (new URL(request.url).searchParams.get("rows") === "audits") {
    const audits = await listSealAudits(auth.db, auth.organization.id, filter, timeZone, null);
    const auditColumns = [
      "reference",
      "performedAt",
      "site",
      "performedBy",
      "result",
      "counted",
      "missing",
      "unexpected",
      "note",
      "link",
    ] as const;
    const auditRows = audits.map(({ audit, siteNameEn, siteNameZh, performedByName }) => [
      sealAuditReference(audit.number),
      spreadsheetTime(audit.performedAt, timeZone),
      (en ? siteNameEn : siteNameZh) ?? t("seals.audits.allSites"),
      performedByName,
      audit.balanced
        ? t("seals.audits.balanced")
        : t("seals.audits.unbalanced", { missing: audit.result.missing.length, unexpected: audit.result.unexpected.length }),
      String(audit.countedNumbers.length),
      audit.result.missing.map((m) => (m.custodian ? `${m.number} (${m.custodian})` : m.number)).join(" "),
      audit.result.unexpected.map((u) => u.number).join(" "),
      audit.note,
      `${origin}/seals/audits/${audit.id}`,
    ]);
    const auditHeading = (c: (typeof auditColumns)[number]) =>
      c === "performedAt" ? `${t("seals.csv.audits.performedAt")} (${timeZone})` : t(`seals.csv.audits.${c}`);
    return csvResponse(csvDocument(auditColumns.map(auditHeading), auditRows), `seal-audits-${todayInZone(timeZone)}.csv`);
  }
  const { rows } = await listSeals(auth.db, auth.organization.id, filter, timeZone, { limit: null, offset: 0 });
  const columns = [
    "number",
    "status",
    "model",
    "isoClass",
    "site",
    "receivedAt",
    "custodian",
    "targetKind",
    "target",
    "loadState",
    "shipmentRef",
    "appliedAt",
    "appliedBy",
    "inspection",
    "link",
  ] as const;
  const data = rows.map((r) => [
    r.seal.number,
    t(`seals.status.${r.seal.status}`),
    `${r.manufacturer} ${r.modelName}`,
    r.isoClass,
    localized(r, "siteName", locale) ?? "",
    spreadsheetTime(r.seal.receivedAt, timeZone),
    r.seal.status === "issued" ? (r.custodianName ?? "") : "",
    r.seal.targetKind ? t(`seals.targetKind.${r.seal.targetKind}`) : "",
    r.seal.target ?? "",
    r.loadState ? t(`seals.loadState.${r.loadState}`) : "",
    r.seal.shipmentRef ?? "",
    spreadsheetTime(r.seal.appliedAt, timeZone),
    r.appliedByName ?? "",
    r.inspectionNumber ? inspectionReference(r.inspectionNumber) : "",
    `${origin}/seals/${r.seal.id}`,
  ]);
  const heading = (c: (typeof columns)[number]) =>
    c === "receivedAt" || c === "appliedAt" ? `${t(`seals.csv.${c}`)} (${timeZone})` : t(`seals.csv.${c}`);
  return csvResponse(csvDocument(columns.map(heading), data), `seals-${todayInZone(timeZone)}.csv`);
}
