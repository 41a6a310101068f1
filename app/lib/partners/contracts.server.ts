import { and, asc, desc, eq } from "drizzle-orm";
import { clauses, contractClauses, contracts, evidenceFiles, type Contract } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import { setEvidenceLinks } from "../evidence/evidence.server";
import { evidenceRecordTypes } from "../evidence/evidence-registry";
import { storeFile, type CheckedUpload } from "../evidence/file-store.server";
import { refused } from "../form.server";
import { todayInZone } from "../i18n/format";
import { message } from "../i18n/messages";
import { resolveCriterionRefs } from "../inspections/templates.server";
import type { Actor } from "../auth/actor";
import { clausesByIds } from "./clauses.server";
import { getPartner } from "./partners.server";

// Contracts and written notices with partners: the clause versions each includes, and the partner's
// acknowledgement (date, signatory, signed copy), which makes it evidence for CN-2022 (56).

export async function createContract(
  db: Database,
  actor: Actor,
  partnerId: string,
  values: { contractNumber: string; title: string; startsOn: string; endsOn?: string; clauseIds: readonly string[] },
  file: CheckedUpload | null,
) {
  const [taken] = await db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.organizationId, actor.organizationId), eq(contracts.contractNumber, values.contractNumber)));
  if (taken) return refused({ contractNumber: message("partners.contractNumberTaken") });
  const chosen = await clausesByIds(db, actor.organizationId, values.clauseIds);
  if (chosen.length !== new Set(values.clauseIds).size) return refused({ clauseIds: message("errors.choose") });
  if (new Set(chosen.map((c) => c.code)).size !== chosen.length) return refused({ clauseIds: message("partners.clauseTwice") });
  return db.transaction(async (tx) => {
    if (!(await getPartner(tx, actor.organizationId, partnerId))) return null;
    const stored = file ? await storeFile(tx, actor, file) : null;
    const [row] = await tx
      .insert(contracts)
      .values({
        organizationId: actor.organizationId,
        partnerId,
        contractNumber: values.contractNumber,
        title: values.title,
        startsOn: values.startsOn,
        endsOn: values.endsOn ?? null,
        fileId: stored?.id ?? null,
        createdByUserId: actor.userId,
      })
      .returning();
    if (chosen.length) {
      await tx
        .insert(contractClauses)
        .values(chosen.map((c) => ({ organizationId: actor.organizationId, contractId: row!.id, clauseId: c.id })));
    }
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "contract",
      entityId: row!.id,
      after: { ...row, clauses: chosen.map((c) => ({ code: c.code, version: c.version, id: c.id })) },
    });
    return { ok: true as const, id: row!.id };
  });
}

/** The partner acknowledged the contract's clauses: from then on it is evidence for them. */
export async function acknowledgeContract(
  db: Database,
  actor: Actor & { timeZone: string },
  contractId: string,
  values: { acknowledgedOn: string; acknowledgedBy: string },
  file: CheckedUpload | null,
) {
  if (values.acknowledgedOn > todayInZone(actor.timeZone)) return refused({ acknowledgedOn: message("partners.inFuture") });
  return db.transaction(async (tx) => {
    const where = and(eq(contracts.organizationId, actor.organizationId), eq(contracts.id, contractId));
    const [before] = await tx.select().from(contracts).where(where).for("update");
    if (!before) return null;
    if (values.acknowledgedOn < before.startsOn)
      return refused({ acknowledgedOn: message("partners.ackBeforeStart", { date: before.startsOn }) });
    // The signed copy is what a certifier asks for: without one the acknowledgement proves nothing.
    if (!file && !before.acknowledgementFileId) return refused({ file: message("partners.signedCopyRequired") });
    const stored = file ? await storeFile(tx, actor, file) : null;
    const [after] = await tx
      .update(contracts)
      .set({
        acknowledgedOn: values.acknowledgedOn,
        acknowledgedBy: values.acknowledgedBy,
        acknowledgementFileId: stored?.id ?? before.acknowledgementFileId,
        updatedAt: new Date(),
      })
      .where(where)
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "update",
      entityType: "contract",
      entityId: contractId,
      before,
      after,
    });
    const included = await contractClauseRows(tx, actor.organizationId, contractId);
    const refs = [...evidenceRecordTypes.contract.feeds, ...included.flatMap((c) => c.clause.criteria)];
    const resolved = await resolveCriterionRefs(tx, refs);
    await setEvidenceLinks(
      tx,
      { ...actor, recordType: "contract", recordId: contractId, occurredAt: new Date(`${values.acknowledgedOn}T12:00:00Z`) },
      [...new Set(resolved.values())],
    );
    return { ok: true as const };
  });
}

async function contractClauseRows(db: Executor, orgId: string, contractId: string) {
  return db
    .select({ clause: clauses })
    .from(contractClauses)
    .innerJoin(clauses, eq(clauses.id, contractClauses.clauseId))
    .where(and(eq(contractClauses.organizationId, orgId), eq(contractClauses.contractId, contractId)))
    .orderBy(asc(clauses.code));
}

export async function getContract(db: Database, orgId: string, contractId: string) {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.organizationId, orgId), eq(contracts.id, contractId)));
  if (!row) return null;
  const [included, partner, files] = await Promise.all([
    contractClauseRows(db, orgId, contractId),
    getPartner(db, orgId, row.partnerId),
    filesOf(db, orgId, [row.fileId, row.acknowledgementFileId]),
  ]);
  return { contract: row, clauses: included.map((c) => c.clause), partner, files };
}

async function filesOf(db: Executor, orgId: string, ids: (string | null)[]) {
  const wanted = ids.filter((id): id is string => !!id);
  const rows = [];
  for (const id of wanted) {
    const [file] = await db
      .select()
      .from(evidenceFiles)
      .where(and(eq(evidenceFiles.organizationId, orgId), eq(evidenceFiles.id, id)));
    if (file) rows.push(file);
  }
  return rows;
}

export async function listContracts(db: Executor, orgId: string, partnerId: string): Promise<(Contract & { clauseCodes: string[] })[]> {
  const rows = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.organizationId, orgId), eq(contracts.partnerId, partnerId)))
    .orderBy(desc(contracts.startsOn));
  const out = [];
  for (const row of rows) out.push({ ...row, clauseCodes: (await contractClauseRows(db, orgId, row.id)).map((c) => c.clause.code) });
  return out;
}
