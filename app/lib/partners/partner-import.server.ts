import { createHash } from "node:crypto";
import { and, eq, isNotNull } from "drizzle-orm";
import { partnerImports, partners, type Partner, type PartnerImport } from "../../../db/schema";
import { recordAuditBatch, type AuditInput } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { nextRunningNumber } from "../organizations/running-number.server";
import { isUuid } from "../value-checks";
import { parsePartnerFile } from "./partner-import-file.server";
import { checkPartnerRows } from "./partner-import-rows.server";
import type { PartnerValues } from "./partner-schema";
import { columnsOf } from "./partners.server";

// Partner lists from a spreadsheet: the file is read (partner-import-file.server.ts) and every row
// checked with the partner form's own schema (partner-import-rows.server.ts) into a stored preview;
// nothing is registered until a person confirms that preview, and then all of it goes in one
// transaction, numbered and audited like partners registered one by one.

const INSERT_CHUNK = 500;

async function organizationUsccs(db: Executor, orgId: string): Promise<Set<string>> {
  const rows = await db
    .select({ uscc: partners.uscc })
    .from(partners)
    .where(and(eq(partners.organizationId, orgId), isNotNull(partners.uscc)));
  return new Set(rows.flatMap((r) => (r.uscc ? [r.uscc] : [])));
}

/** Reads and checks a file into a stored preview. No partner is written. */
export async function createImportPreview(
  db: Database,
  actor: Actor,
  file: { bytes: Uint8Array; name: string },
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
  const parsed = await parsePartnerFile(file.bytes, file.name);
  if (!parsed.ok) return refused({ file: parsed.error });
  const checked = checkPartnerRows(parsed.rows, await organizationUsccs(db, actor.organizationId));
  const [row] = await db
    .insert(partnerImports)
    .values({
      organizationId: actor.organizationId,
      fileName: file.name.slice(0, 255),
      fileSha256: createHash("sha256").update(file.bytes).digest("hex"),
      totalRows: parsed.rows.length,
      validRows: checked.valid,
      errors: checked.errors,
      createdByUserId: actor.userId,
    })
    .returning({ id: partnerImports.id });
  if (!row) throw new Error("createImportPreview: insert returned nothing");
  return { ok: true, id: row.id };
}

export async function getImportPreview(db: Executor, orgId: string, importId: string): Promise<PartnerImport | null> {
  if (!isUuid(importId)) return null;
  const [row] = await db
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.organizationId, orgId), eq(partnerImports.id, importId)));
  return row ?? null;
}

export type ConfirmImportResult = { ok: true; imported: number } | { ok: false; errors: FieldErrors };

/**
 * Registers the preview's valid rows, all or nothing: numbered TP-… in file order, one audit event
 * per partner and one for the import. Refused while the preview has errors unless `onlyValid`, and
 * when a partner with one of its USCCs was registered since the preview was made.
 */
export async function confirmImport(
  db: Database,
  actor: Actor,
  importId: string,
  options: { onlyValid: boolean },
): Promise<ConfirmImportResult> {
  if (!isUuid(importId)) return refused({ form: message("partners.import.notFound") });
  return db.transaction(async (tx) => {
    const preview = await lockPreview(tx, actor.organizationId, importId);
    if (!preview) return refused({ form: message("partners.import.notFound") });
    const refusal = confirmRefusal(preview, options);
    if (refusal) return refusal;
    // Taken first: it locks the organisation row, so no partner can be registered between the
    // USCC check below and the inserts.
    const firstNumber = await nextRunningNumber(tx, actor.organizationId, partners);
    const conflicts = conflictingRows(preview.validRows, await organizationUsccs(tx, actor.organizationId));
    if (conflicts.length) return refused({ form: message("partners.import.conflicts", { rows: rowList(conflicts) }) });
    const created = await insertPartners(tx, actor, preview.validRows, firstNumber);
    await recordAuditBatch(tx, actor.organizationId, [
      ...created.map((p) => partnerEvent(actor, p)),
      importEvent(actor, preview, created.length),
    ]);
    await tx
      .update(partnerImports)
      .set({ status: "imported", importedCount: created.length, importedAt: new Date() })
      .where(eq(partnerImports.id, preview.id));
    return { ok: true as const, imported: created.length };
  });
}

async function lockPreview(tx: Executor, orgId: string, importId: string): Promise<PartnerImport | null> {
  const [row] = await tx
    .select()
    .from(partnerImports)
    .where(and(eq(partnerImports.organizationId, orgId), eq(partnerImports.id, importId)))
    .for("update");
  return row ?? null;
}

function confirmRefusal(preview: PartnerImport, options: { onlyValid: boolean }) {
  if (preview.status === "imported") return refused({ form: message("partners.import.alreadyImported") });
  const rowsWithErrors = new Set(preview.errors.map((e) => e.row)).size;
  if (rowsWithErrors > 0 && !options.onlyValid) return refused({ form: message("partners.import.hasErrors", { count: rowsWithErrors }) });
  if (preview.validRows.length === 0) return refused({ form: message("partners.import.noValidRows") });
  return null;
}

function conflictingRows(validRows: PartnerImport["validRows"], taken: ReadonlySet<string>): number[] {
  return validRows.flatMap(({ row, values }) => (typeof values.uscc === "string" && taken.has(values.uscc) ? [row] : []));
}

/** "3, 7, 12" — the first twenty, then an ellipsis: enough to find them, short enough to read. */
function rowList(rows: readonly number[]): string {
  const shown = rows.slice(0, 20).join(", ");
  return rows.length > 20 ? `${shown}, …` : shown;
}

async function insertPartners(tx: Executor, actor: Actor, validRows: PartnerImport["validRows"], firstNumber: number): Promise<Partner[]> {
  const values = validRows.map(({ values: v }, index) => ({
    organizationId: actor.organizationId,
    number: firstNumber + index,
    // Stored by checkPartnerRows from PartnerSchema's output, as JSON.
    ...columnsOf(v as PartnerValues),
    createdByUserId: actor.userId,
  }));
  const created: Partner[] = [];
  for (let i = 0; i < values.length; i += INSERT_CHUNK) {
    created.push(
      ...(await tx
        .insert(partners)
        .values(values.slice(i, i + INSERT_CHUNK))
        .returning()),
    );
  }
  // RETURNING of a multi-row insert is in insertion order in practice, not by guarantee.
  return created.sort((a, b) => a.number - b.number);
}

function partnerEvent(actor: Actor, partner: Partner): Omit<AuditInput, "organizationId"> {
  return { actorUserId: actor.userId, action: "create", entityType: "partner", entityId: partner.id, after: partner };
}

function importEvent(actor: Actor, preview: PartnerImport, count: number): Omit<AuditInput, "organizationId"> {
  return {
    actorUserId: actor.userId,
    action: "create",
    entityType: "partner_import",
    entityId: preview.id,
    after: { fileName: preview.fileName, fileSha256: preview.fileSha256, totalRows: preview.totalRows, importedCount: count },
  };
}
