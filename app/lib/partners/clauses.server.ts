import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { catalogClauses } from "../../../db/catalog/clauses/library";
import { clauses, type Clause } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import type { Database, Executor } from "../db-types.server";
import type { Actor } from "../auth/actor";

// The security clause library: built-in clauses (organization_id null, db/catalog/clauses) and the
// organisation's adapted versions of them. A code's current clause is the organisation's newest
// version if it adapted it, else the newest built-in; contracts keep the exact version they include.

function visibleTo(orgId: string) {
  return or(isNull(clauses.organizationId), eq(clauses.organizationId, orgId));
}

/** The current clause of every code the organisation can use, in the library's order. */
export async function listClauses(db: Executor, orgId: string): Promise<Clause[]> {
  const rows = await db.select().from(clauses).where(visibleTo(orgId)).orderBy(asc(clauses.createdAt), desc(clauses.version));
  const current = new Map<string, Clause>();
  for (const row of rows) {
    const held = current.get(row.code);
    const better =
      !held ||
      (row.organizationId !== null && held.organizationId === null) ||
      (row.organizationId === held.organizationId && row.version > held.version);
    if (better) current.set(row.code, row);
  }
  // All built-ins load in one transaction (one created_at): the library's own order decides.
  const position = (code: string) => {
    const at = catalogClauses.findIndex((c) => c.code === code);
    return at === -1 ? catalogClauses.length : at;
  };
  return [...current.values()].sort((x, y) => position(x.code) - position(y.code) || x.code.localeCompare(y.code));
}

export async function getClause(db: Executor, orgId: string, clauseId: string): Promise<Clause | null> {
  const [row] = await db
    .select()
    .from(clauses)
    .where(and(visibleTo(orgId), eq(clauses.id, clauseId)));
  return row ?? null;
}

export async function listClauseVersions(db: Executor, orgId: string, code: string): Promise<Clause[]> {
  return db
    .select()
    .from(clauses)
    .where(and(visibleTo(orgId), eq(clauses.code, code)))
    .orderBy(desc(clauses.version));
}

/** Visible clauses by id (for a contract's clause list); ids the organisation cannot see are left out. */
export async function clausesByIds(db: Executor, orgId: string, ids: readonly string[]): Promise<Clause[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(clauses)
    .where(and(visibleTo(orgId), inArray(clauses.id, [...ids])));
}

export interface ClauseTexts {
  titleZh: string;
  titleEn: string;
  textZh: string;
  textEn: string;
}

/** The same hash db/catalog/load.ts gives a built-in clause, so unchanged wording is recognised. */
export function clauseHash(texts: ClauseTexts, criteria: unknown, roles: readonly string[]): string {
  const content = { titleZh: texts.titleZh, titleEn: texts.titleEn, textZh: texts.textZh, textEn: texts.textEn, criteria, roles };
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/**
 * The organisation's own next version of a clause, with new wording. Nothing is written when the
 * wording is the same as the clause it starts from.
 */
export async function adaptClause(
  db: Database,
  actor: Actor,
  clauseId: string,
  texts: ClauseTexts,
): Promise<{ id: string; changed: boolean } | null> {
  return db.transaction(async (tx) => {
    const source = await getClause(tx, actor.organizationId, clauseId);
    if (!source) return null;
    const contentHash = clauseHash(texts, source.criteria, source.roles);
    if (contentHash === source.contentHash) return { id: source.id, changed: false };
    const versions = await listClauseVersions(tx, actor.organizationId, source.code);
    const [row] = await tx
      .insert(clauses)
      .values({
        organizationId: actor.organizationId,
        code: source.code,
        version: Math.max(...versions.map((v) => v.version)) + 1,
        ...texts,
        requiredByDefault: source.requiredByDefault,
        roles: source.roles,
        criteria: source.criteria,
        contentHash,
        basedOnClauseId: source.id,
        createdByUserId: actor.userId,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actorUserId: actor.userId,
      action: "create",
      entityType: "clause",
      entityId: row!.id,
      before: source,
      after: row,
    });
    return { id: row!.id, changed: true };
  });
}
