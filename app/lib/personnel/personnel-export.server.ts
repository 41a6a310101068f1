import type { Locale } from "../i18n/config";
import { createI18n } from "../i18n/translations.server";
import { csvDocument } from "../spreadsheet-cells.server";
import type { listEmployees } from "./personnel-queries.server";
import { employeeReference } from "./personnel-references";
import { joinRoleLabels } from "./personnel-values";

// The employee list as CSV, in the reader's language. ID numbers are masked for everyone and the
// date of birth is left out: a spreadsheet leaves Tradeguard's access control behind (it is mailed,
// copied, printed), so it carries no more personal data than the list shows every reader.

type Row = Awaited<ReturnType<typeof listEmployees>>["rows"][number];

export function personnelCsv(rows: readonly Row[], locale: Locale): string {
  const { t } = createI18n(locale);
  const label = (key: string) => String(t(key as never));
  const heading = [
    "reference",
    "name",
    "site",
    "idType",
    "idNumber",
    "position",
    "department",
    "sensitive",
    "keyRole",
    "hireDate",
    "leaveDate",
    "nextCheck",
    "exit",
  ].map((k) => label(`personnel.csv.${k}`));
  const body = rows.map(({ employee: e, siteNameZh, siteNameEn, offboardingStatus, offboardingDeadline }) => [
    employeeReference(e.number),
    e.name,
    (locale === "en" ? siteNameEn : siteNameZh) ?? "",
    e.idDocumentType ? label(`personnel.idType.${e.idDocumentType}`) : "",
    e.idNumberMasked ?? "",
    e.position,
    e.department,
    e.securitySensitive ? label("personnel.yes") : label("personnel.no"),
    joinRoleLabels(e.keyRoles.map((role) => label(`personnel.keyRole.${role}`)), locale),
    e.hireDate,
    e.leaveDate ?? "",
    e.nextBackgroundCheckOn ?? "",
    offboardingStatus ? `${label(`personnel.offboarding.status.${offboardingStatus}`)} (${offboardingDeadline})` : "",
  ]);
  return csvDocument(heading, body);
}
