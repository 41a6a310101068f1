// What a dossier prints of the personnel and training records: an employee (never the ID number
// or date of birth), their checks, acknowledgement and exit, named by the employee they are about;
// a training session or drill with its materials.
import { getTableColumns } from "drizzle-orm";
import { backgroundChecks, conductAcknowledgements, employees, offboardings, prehireChecks } from "../../../db/schema/personnel";
import { trainingMaterials, trainingSessions } from "../../../db/schema/training";
import { en } from "~/lib/i18n/locales/en";
import { zhCN } from "~/lib/i18n/locales/zh-CN";
import { joinRoleLabels } from "~/lib/personnel/personnel-values";
import { backgroundReference, employeeReference, offboardingReference, prehireReference } from "~/lib/personnel/personnel-references";
import { sessionReference } from "~/lib/training/training-rules";
import type { DossierRecordType } from "./dossier-facts.server";
import { both, fileRef, join, label, source, type Loader, type Person } from "./dossier-record-source.server";

/** An employee as a record of theirs names them: reference and name ("" when gone). */
const who = (e: Person | undefined) => (e ? `${employeeReference(e.number)} ${e.name}` : "");

const trainingSource = source({
  table: trainingSessions,
  columns: getTableColumns(trainingSessions),
  attached: { table: trainingMaterials, parent: trainingMaterials.sessionId, orderBy: [trainingMaterials.createdAt] },
  line: (r, { attached }) => {
    const category = label(zhCN.training.category, en.training.category, r.category);
    return {
      reference: sessionReference(r.number),
      path: `/training/${r.id}`,
      siteId: r.siteId,
      summary: both(join(category.zh, r.topic, r.trainer), join(category.en, r.topic, r.trainer)),
      files: attached.map((m) => fileRef(m.file, false)),
    };
  },
});

export const personnelLoaders = {
  employee: source({
    table: employees,
    // Never the ID number or date of birth. The key roles name the managers whose training the standards count.
    columns: {
      id: employees.id,
      number: employees.number,
      name: employees.name,
      position: employees.position,
      keyRoles: employees.keyRoles,
      siteId: employees.siteId,
    },
    line: (e) => {
      const roles = (locale: "zh" | "en") =>
        joinRoleLabels(e.keyRoles.map((role) => (locale === "en" ? en : zhCN).personnel.keyRole[role]), locale);
      const text = (locale: "zh" | "en") => join(employeeReference(e.number), e.name, e.position, roles(locale) || undefined);
      return { reference: employeeReference(e.number), path: `/personnel/${e.id}`, siteId: e.siteId, summary: both(text("zh"), text("en")) };
    },
  }),
  prehire_check: source({
    table: prehireChecks,
    columns: getTableColumns(prehireChecks),
    employee: (r) => r.employeeId,
    documents: (r) => [r.fileId],
    line: (r, { employee: e, documents }) => ({
      reference: prehireReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      summary: both(join(who(e), r.source), join(who(e), r.source)),
      result: label(zhCN.personnel.prehire.result, en.personnel.prehire.result, r.result),
      files: documents,
    }),
  }),
  background_check: source({
    table: backgroundChecks,
    columns: getTableColumns(backgroundChecks),
    employee: (r) => r.employeeId,
    documents: (r) => [r.fileId],
    line: (r, { employee: e, documents }) => {
      const type = label(zhCN.personnel.background.type, en.personnel.background.type, r.type);
      return {
        reference: backgroundReference(r.number),
        path: `/personnel/${r.employeeId}`,
        siteId: e?.siteId ?? null,
        summary: both(join(who(e), type.zh), join(who(e), type.en)),
        result: label(zhCN.personnel.background.result, en.personnel.background.result, r.result),
        files: documents,
      };
    },
  }),
  conduct_acknowledgement: source({
    table: conductAcknowledgements,
    columns: getTableColumns(conductAcknowledgements),
    employee: (r) => r.employeeId,
    documents: (r) => [r.fileId],
    line: (r, { employee: e, documents }) => {
      const reference = e ? employeeReference(e.number) : "";
      const text = join(reference, e?.name, r.codeVersion);
      return { reference, path: `/personnel/${r.employeeId}`, siteId: e?.siteId ?? null, summary: both(text, text), files: documents };
    },
  }),
  offboarding: source({
    table: offboardings,
    columns: getTableColumns(offboardings),
    employee: (r) => r.employeeId,
    line: (r, { employee: e }) => ({
      reference: offboardingReference(r.number),
      path: `/personnel/${r.employeeId}`,
      siteId: e?.siteId ?? null,
      summary: both(join(who(e), `离职 ${r.leaveDate}`), join(who(e), `leaves ${r.leaveDate}`)),
      result: label(zhCN.personnel.offboarding.status, en.personnel.offboarding.status, r.status),
    }),
  }),
  training_session: trainingSource,
  drill: trainingSource,
} satisfies Partial<Record<DossierRecordType, Loader>>;
