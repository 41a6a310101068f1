import { createHash } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { checklistTemplates, criteria, type ChecklistTemplate } from "../../../db/schema";
import { recordAudit } from "../audit/audit.server";
import { getFramework } from "../criteria/criteria.server";
import type { Database, Executor } from "../db-types.server";
import { refused, type FieldErrors } from "../form.server";
import { message } from "../i18n/messages";
import type { Actor } from "../auth/actor";
import { allItems, TemplateDefinitionSchema, templateKinds, type CriterionRef, type TemplateDefinition } from "./template-definition";

// Checklist templates an organisation can use: the built-ins (organization_id null, loaded from
// db/catalog/templates) and its own adapted copies. Every version is a row of its own and is never
// changed; the newest version of a code is the one new inspections use.

/** Built-ins and the organisation's own: never another organisation's. */
function visibleTo(orgId: string) {
  return or(isNull(checklistTemplates.organizationId), eq(checklistTemplates.organizationId, orgId));
}

export interface TemplateSummary {
  id: string;
  code: string;
  version: number;
  builtIn: boolean;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  kind: ChecklistTemplate["kind"];
  points: number;
  basedOnTemplateId: string | null;
}

function summaryOf(row: ChecklistTemplate): TemplateSummary {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    builtIn: row.organizationId === null,
    titleZh: row.titleZh,
    titleEn: row.titleEn,
    descriptionZh: row.descriptionZh,
    descriptionEn: row.descriptionEn,
    kind: row.kind,
    // A reefer's extra point is not counted: a 7-point inspection has 7.
    points: allItems(row.definition).filter((i) => !i.onlyWhen).length,
    basedOnTemplateId: row.basedOnTemplateId,
  };
}

/** The newest version of every template the organisation can use: its own first, then the built-ins. */
export async function listTemplates(db: Executor, orgId: string): Promise<TemplateSummary[]> {
  const rows = await db
    .select()
    .from(checklistTemplates)
    .where(visibleTo(orgId))
    .orderBy(asc(checklistTemplates.code), desc(checklistTemplates.version));
  const newest = new Map<string, ChecklistTemplate>();
  for (const row of rows) if (!newest.has(row.code)) newest.set(row.code, row);
  // The organisation's own first, then by what they check, in the order of templateKinds.
  const rank = (s: TemplateSummary) => templateKinds.indexOf(s.kind);
  return [...newest.values()]
    .map(summaryOf)
    .sort((a, b) => Number(a.builtIn) - Number(b.builtIn) || rank(a) - rank(b) || a.code.localeCompare(b.code));
}

/** The version new inspections of `code` use, or null when the organisation has no such template. */
export async function getCurrentTemplate(db: Executor, orgId: string, code: string): Promise<ChecklistTemplate | null> {
  const [row] = await db
    .select()
    .from(checklistTemplates)
    .where(and(visibleTo(orgId), eq(checklistTemplates.code, code)))
    .orderBy(desc(checklistTemplates.version))
    .limit(1);
  return row ?? null;
}

/** One version by id, if the organisation may see it. */
export async function getTemplateVersion(db: Executor, orgId: string, templateId: string): Promise<ChecklistTemplate | null> {
  const [row] = await db
    .select()
    .from(checklistTemplates)
    .where(and(visibleTo(orgId), eq(checklistTemplates.id, templateId)));
  return row ?? null;
}

export async function listTemplateVersions(db: Executor, orgId: string, code: string): Promise<ChecklistTemplate[]> {
  return db
    .select()
    .from(checklistTemplates)
    .where(and(visibleTo(orgId), eq(checklistTemplates.code, code)))
    .orderBy(desc(checklistTemplates.version));
}

export function definitionHash(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

/** The hashed content of a version: what a new version must differ in. */
function versionContent(values: TemplateTexts, definition: TemplateDefinition) {
  return { ...values, definition };
}

export interface TemplateTexts {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
}

/** Writes one version of an organisation's template and its audit event. */
async function insertVersion(
  tx: Executor,
  actor: Actor,
  version: {
    code: string;
    version: number;
    texts: TemplateTexts;
    /** Where the source texts and the kind come from (the copied or the newest version). */
    from: ChecklistTemplate;
    definition: TemplateDefinition;
    basedOnTemplateId: string | null;
    before: ChecklistTemplate | null;
  },
): Promise<ChecklistTemplate> {
  const [row] = await tx
    .insert(checklistTemplates)
    .values({
      organizationId: actor.organizationId,
      code: version.code,
      version: version.version,
      ...version.texts,
      sourceZh: version.from.sourceZh,
      sourceEn: version.from.sourceEn,
      kind: version.from.kind,
      definition: version.definition,
      contentHash: definitionHash(versionContent(version.texts, version.definition)),
      basedOnTemplateId: version.basedOnTemplateId,
      createdByUserId: actor.userId,
    })
    .returning();
  if (!row) throw new Error("insertVersion: insert returned nothing");
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actorUserId: actor.userId,
    action: "create",
    entityType: "checklist_template",
    entityId: row.id,
    before: version.before,
    after: row,
  });
  return row;
}

/**
 * Copies a template (a built-in, or one of the organisation's own) as the organisation's own under
 * a new code, version 1. Codes may not repeat a built-in's or another of the organisation's.
 */
export async function copyTemplate(
  db: Database,
  actor: Actor,
  sourceId: string,
  values: TemplateTexts & { code: string },
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction(async (tx) => {
    const source = await getTemplateVersion(tx, actor.organizationId, sourceId);
    if (!source) return null;
    if (await getCurrentTemplate(tx, actor.organizationId, values.code)) return refused({ code: message("templates.codeTaken") });
    const texts = {
      titleZh: values.titleZh,
      titleEn: values.titleEn,
      descriptionZh: values.descriptionZh,
      descriptionEn: values.descriptionEn,
    };
    const row = await insertVersion(tx, actor, {
      code: values.code,
      version: 1,
      texts,
      from: source,
      definition: source.definition,
      basedOnTemplateId: source.id,
      before: null,
    });
    return { ok: true as const, id: row.id };
  });
}

/**
 * Saves an organisation template's texts and definition as its next version. Nothing changes when
 * the content is the same as the newest version's (no empty versions). Criterion refs must name
 * criteria of the catalogue.
 */
export async function saveTemplateVersion(
  db: Database,
  actor: Actor,
  templateId: string,
  texts: TemplateTexts,
  definitionInput: TemplateDefinition,
): Promise<{ ok: true; id: string; changed: boolean } | { ok: false; errors: FieldErrors } | null> {
  const parsed = TemplateDefinitionSchema.safeParse(definitionInput);
  if (!parsed.success) return refused({ form: message("errors.invalid") });
  const definition = parsed.data;
  const unknown = await unknownCriterionRefs(
    db,
    allItems(definition).flatMap((i) => i.criteria),
  );
  if (unknown.length) return refused({ form: message("templates.unknownCriterion", { ref: unknown.join(", ") }) });
  return db.transaction(async (tx) => {
    const target = await getTemplateVersion(tx, actor.organizationId, templateId);
    if (!target || target.organizationId !== actor.organizationId) return null;
    // Lock the newest version: two editors saving at once get versions n+1 and n+2, never two n+1.
    const [newest] = await tx
      .select()
      .from(checklistTemplates)
      .where(and(eq(checklistTemplates.organizationId, actor.organizationId), eq(checklistTemplates.code, target.code)))
      .orderBy(desc(checklistTemplates.version))
      .limit(1)
      .for("update");
    if (!newest) return null;
    if (definitionHash(versionContent(texts, definition)) === newest.contentHash)
      return { ok: true as const, id: newest.id, changed: false };
    const row = await insertVersion(tx, actor, {
      code: newest.code,
      version: newest.version + 1,
      texts,
      from: newest,
      definition,
      basedOnTemplateId: newest.basedOnTemplateId,
      before: newest,
    });
    return { ok: true as const, id: row.id, changed: true };
  });
}

/**
 * "framework/key" → criterion id for every ref, resolved against the current version of its
 * framework. A ref's key is a stable key (db/catalog/types.ts), so a revision that renumbers its
 * criteria still receives the evidence on the criteria that continue the old ones.
 */
export async function resolveCriterionRefs(db: Executor, refs: readonly CriterionRef[]): Promise<Map<string, string>> {
  const resolved = new Map<string, string>();
  const byFramework = new Map<string, Set<string>>();
  for (const ref of refs) {
    const keys = byFramework.get(ref.framework) ?? new Set<string>();
    keys.add(ref.key);
    byFramework.set(ref.framework, keys);
  }
  for (const [code, keys] of byFramework) {
    const framework = await getFramework(db, code);
    if (!framework) continue;
    const rows = await db
      .select({ id: criteria.id, stableKey: criteria.stableKey, options: criteria.options })
      .from(criteria)
      .where(and(eq(criteria.frameworkId, framework.id), inArray(criteria.stableKey, [...keys])));
    // Only criteria that are assessed can be evidenced; a heading is not a criterion of its own.
    for (const row of rows) if (row.options.length > 0 && row.stableKey !== null) resolved.set(`${code}/${row.stableKey}`, row.id);
  }
  return resolved;
}

/** Code and titles of each ref's criterion ("framework/key"), for showing what a point feeds. */
export async function criterionLabels(db: Executor, refs: readonly CriterionRef[]) {
  const resolved = await resolveCriterionRefs(db, refs);
  const ids = [...new Set(resolved.values())];
  const rows = ids.length
    ? await db
        .select({
          id: criteria.id,
          code: criteria.code,
          level: criteria.level,
          part: criteria.part,
          titleZh: criteria.titleZh,
          titleEn: criteria.titleEn,
        })
        .from(criteria)
        .where(inArray(criteria.id, ids))
    : [];
  const labels: Record<string, { code: string; level: string; part: string | null; titleZh: string; titleEn: string }> = {};
  for (const [ref, id] of resolved) {
    const row = rows.find((r) => r.id === id);
    if (row) labels[ref] = { code: row.code, level: row.level, part: row.part, titleZh: row.titleZh, titleEn: row.titleEn };
  }
  return labels;
}

/** Refs that name no assessable criterion of the catalogue, as "framework:key". */
export async function unknownCriterionRefs(db: Executor, refs: readonly CriterionRef[]): Promise<string[]> {
  const resolved = await resolveCriterionRefs(db, refs);
  return [...new Set(refs.filter((r) => !resolved.has(`${r.framework}/${r.key}`)).map((r) => `${r.framework}:${r.key}`))];
}

/**
 * The criteria the organisation's current templates feed ("framework/key"): the criteria pages list
 * inspections as a source of evidence for them before any inspection exists.
 */
export async function criteriaFedByTemplates(db: Executor, orgId: string): Promise<Set<string>> {
  const fed = new Set<string>();
  const templates = await listTemplates(db, orgId);
  if (!templates.length) return fed;
  const rows = await db
    .select({ definition: checklistTemplates.definition })
    .from(checklistTemplates)
    .where(
      inArray(
        checklistTemplates.id,
        templates.map((t) => t.id),
      ),
    );
  for (const row of rows)
    for (const item of allItems(row.definition)) for (const ref of item.criteria) fed.add(`${ref.framework}/${ref.key}`);
  return fed;
}
