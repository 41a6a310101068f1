import { createHash, randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../client";
import { checklistTemplates, clauses, criteria, criterionMappings, crosswalkTopics, frameworks, questionnaires } from "../schema";
import type { CatalogClause } from "./clauses/types";
import { catalogClauses, catalogCrosswalk, catalogFrameworks, catalogQuestionnaires, catalogTemplates } from "./index";
import { supersededTemplates } from "./templates";
import type { CatalogQuestionnaire } from "./questionnaires/types";
import type { CatalogTemplate } from "./templates/types";
import { isImprovable } from "./improvement";
import type { CatalogCriterion, CatalogFramework, CatalogTopic, ImprovementRule } from "./types";

export interface CatalogLoadReport {
  loaded: string[];
  unchanged: string[];
}

/**
 * Writes the catalogue files to the database. Idempotent: a framework version already present
 * with the same content is left alone; one present with different content is refused, because
 * assessments point at its rows: a changed standard needs a new version string.
 * The cross-walk is synchronised to the newest version of each framework on every run.
 */
export async function loadCatalog(
  db: Database,
  source: {
    frameworks: readonly CatalogFramework[];
    crosswalk: readonly CatalogTopic[];
    templates?: readonly CatalogTemplate[];
    questionnaires?: readonly CatalogQuestionnaire[];
    clauses?: readonly CatalogClause[];
  } = {
    frameworks: catalogFrameworks,
    crosswalk: catalogCrosswalk,
    templates: [...supersededTemplates, ...catalogTemplates],
    questionnaires: catalogQuestionnaires,
    clauses: catalogClauses,
  },
): Promise<CatalogLoadReport> {
  const report: CatalogLoadReport = { loaded: [], unchanged: [] };
  await db.transaction(async (tx) => {
    for (const framework of source.frameworks) {
      const label = `${framework.code}@${framework.version}`;
      // The improvement rule and the stable-key mapping are kept out of the hash: they are synced on
      // every run, so a corrected mapping needs no new version of the standard.
      const { improvement, stableKeys, ...content } = framework;
      const stableKeyOf = stableKeyMapping(framework);
      const contentHash = hashOf(content);
      const [existing] = await tx
        .select({ id: frameworks.id, contentHash: frameworks.contentHash })
        .from(frameworks)
        .where(and(eq(frameworks.code, framework.code), eq(frameworks.version, framework.version)));
      if (existing) {
        // Rows loaded before the improvement rule left the hash (migration improvement_and_status) carry
        // this marker: their content is the same standard, so the new hash is recorded once.
        if (existing.contentHash === REHASH_IMPROVEMENT_RULE) {
          await tx.update(frameworks).set({ contentHash }).where(eq(frameworks.id, existing.id));
        } else if (existing.contentHash !== contentHash) {
          throw new Error(
            `Catalogue ${label} differs from the copy already in the database. Give the changed standard a new version in db/catalog/frameworks/.`,
          );
        }
        await syncImprovementRule(tx as unknown as Database, existing.id, improvement);
        await syncStableKeys(tx as unknown as Database, existing.id, stableKeys === undefined ? null : stableKeyOf);
        report.unchanged.push(label);
        continue;
      }
      const previous = await newestVersion(tx as unknown as Database, framework.code);
      const frameworkId = randomUUID();
      await tx.insert(frameworks).values({
        id: frameworkId,
        code: framework.code,
        version: framework.version,
        nameZh: framework.nameZh,
        nameEn: framework.nameEn,
        sourceZh: framework.sourceZh,
        sourceEn: framework.sourceEn,
        scoringRule: framework.scoringRule,
        improvementDays: improvement.kind === "window" ? improvement.maxDays : null,
        improvementRule: improvement,
        contentHash,
      });
      const rows: (typeof criteria.$inferInsert)[] = [];
      const visit = (nodes: readonly CatalogCriterion[], parentId: string | null, depth: number) => {
        for (const node of nodes) {
          const id = randomUUID();
          rows.push({
            id,
            frameworkId,
            parentId,
            key: node.key,
            stableKey: stableKeyOf(node.key),
            code: node.code,
            level: node.level,
            position: rows.length,
            depth,
            titleZh: node.titleZh,
            titleEn: node.titleEn,
            textZh: node.textZh,
            textEn: node.textEn,
            options: [...node.options],
            improvable: isImprovable(improvement, node.key),
            part: node.part ?? null,
            requirement: node.requirement ?? null,
            provenance: node.provenance,
            noteZh: node.noteZh ?? null,
            noteEn: node.noteEn ?? null,
          });
          visit(node.children ?? [], id, depth + 1);
        }
      };
      visit(framework.criteria, null, 0);
      // Parents come before children in `rows`, so one ordered insert satisfies the foreign key.
      for (let i = 0; i < rows.length; i += 500) await tx.insert(criteria).values(rows.slice(i, i + 500));
      // The newest version is the one records feed from now on: it takes over the evidence of the one
      // it supersedes, criterion by stable key. The older version keeps its own links, so assessments
      // and dossiers made against it read what they read before.
      if (previous && compareVersions(framework.version, previous.version) > 0) {
        await carryEvidenceForward(tx as unknown as Database, previous.id, frameworkId);
      }
      report.loaded.push(label);
    }
    await syncCrosswalk(tx as unknown as Database, source.crosswalk);
    for (const template of source.templates ?? []) {
      const label = `template ${template.code}@${template.version}`;
      const loaded = await loadTemplate(tx as unknown as Database, template);
      (loaded ? report.loaded : report.unchanged).push(label);
    }
    for (const questionnaire of source.questionnaires ?? []) {
      const label = `questionnaire ${questionnaire.code}@${questionnaire.version}`;
      const loaded = await loadQuestionnaire(tx as unknown as Database, questionnaire);
      (loaded ? report.loaded : report.unchanged).push(label);
    }
    for (const clause of source.clauses ?? []) {
      const label = `clause ${clause.code}@${clause.version}`;
      const loaded = await loadClause(tx as unknown as Database, clause);
      (loaded ? report.loaded : report.unchanged).push(label);
    }
  });
  return report;
}

/**
 * A built-in checklist template version, the same rule as a framework version: inspections point
 * at its row, so changed content needs a new version number. Returns false when already loaded.
 */
async function loadTemplate(db: Database, template: CatalogTemplate): Promise<boolean> {
  const contentHash = hashOf(template);
  const [existing] = await db
    .select({ contentHash: checklistTemplates.contentHash })
    .from(checklistTemplates)
    .where(and(isNull(checklistTemplates.organizationId), eq(checklistTemplates.code, template.code), eq(checklistTemplates.version, template.version)));
  if (existing) {
    if (existing.contentHash !== contentHash) {
      throw new Error(
        `Built-in template ${template.code}@${template.version} differs from the copy already in the database. Give the changed template a new version in db/catalog/templates/.`,
      );
    }
    return false;
  }
  await db.insert(checklistTemplates).values({
    organizationId: null,
    code: template.code,
    version: template.version,
    titleZh: template.titleZh,
    titleEn: template.titleEn,
    descriptionZh: template.descriptionZh,
    descriptionEn: template.descriptionEn,
    sourceZh: template.sourceZh,
    sourceEn: template.sourceEn,
    kind: template.definition.kind,
    definition: template.definition,
    contentHash,
  });
  return true;
}

async function syncCrosswalk(db: Database, topics: readonly CatalogTopic[]): Promise<void> {
  // The newest loaded version of each framework is the one the cross-walk points at.
  const all = await db.select({ id: frameworks.id, code: frameworks.code, version: frameworks.version }).from(frameworks);
  const newest = new Map<string, { id: string; version: string }>();
  for (const f of all) {
    const current = newest.get(f.code);
    if (!current || compareVersions(f.version, current.version) > 0) newest.set(f.code, { id: f.id, version: f.version });
  }
  const frameworkIds = [...newest.values()].map((f) => f.id);
  const codeById = new Map([...newest.entries()].map(([code, f]) => [f.id, code]));
  const criterionRows = frameworkIds.length
    ? await db
        .select({ id: criteria.id, stableKey: criteria.stableKey, frameworkId: criteria.frameworkId })
        .from(criteria)
        .where(inArray(criteria.frameworkId, frameworkIds))
    : [];
  // Members name criteria by stable key, so a renumbered version keeps its topics.
  const criterionId = new Map(
    criterionRows.filter((c) => c.stableKey !== null).map((c) => [`${codeById.get(c.frameworkId)}/${c.stableKey}`, c.id]),
  );

  const wanted = new Set<string>();
  for (const [position, topic] of topics.entries()) {
    const values = {
      position,
      titleZh: topic.titleZh,
      titleEn: topic.titleEn,
      evidenceZh: topic.evidenceZh,
      evidenceEn: topic.evidenceEn,
    };
    const [row] = await db
      .insert(crosswalkTopics)
      .values({ key: topic.key, ...values })
      .onConflictDoUpdate({ target: crosswalkTopics.key, set: values })
      .returning({ id: crosswalkTopics.id });
    for (const member of topic.members) {
      const id = criterionId.get(`${member.framework}/${member.key}`);
      // Frameworks not loaded (a partial source in tests) are skipped; a wrong key in a loaded one is a data error.
      if (!id) {
        if (newest.has(member.framework)) throw new Error(`Cross-walk topic ${topic.key}: no criterion ${member.framework}/${member.key}`);
        continue;
      }
      wanted.add(`${row!.id}/${id}`);
    }
  }
  const existing = await db.select().from(criterionMappings);
  const have = new Set(existing.map((m) => `${m.topicId}/${m.criterionId}`));
  for (const m of existing) {
    if (!wanted.has(`${m.topicId}/${m.criterionId}`)) {
      await db
        .delete(criterionMappings)
        .where(and(eq(criterionMappings.topicId, m.topicId), eq(criterionMappings.criterionId, m.criterionId)));
    }
  }
  const missing = [...wanted].filter((k) => !have.has(k)).map((k) => {
    const [topicId, criterionIdValue] = k.split("/") as [string, string];
    return { topicId, criterionId: criterionIdValue };
  });
  if (missing.length) await db.insert(criterionMappings).values(missing);
}

/** A questionnaire version, the same rule: evaluations point at its row. False when already loaded. */
async function loadQuestionnaire(db: Database, questionnaire: CatalogQuestionnaire): Promise<boolean> {
  const contentHash = hashOf(questionnaire);
  const [existing] = await db
    .select({ contentHash: questionnaires.contentHash })
    .from(questionnaires)
    .where(and(eq(questionnaires.code, questionnaire.code), eq(questionnaires.version, questionnaire.version)));
  if (existing) {
    if (existing.contentHash !== contentHash) {
      throw new Error(`Questionnaire ${questionnaire.code}@${questionnaire.version} differs from the copy already in the database. Give it a new version in db/catalog/questionnaires/.`);
    }
    return false;
  }
  await db.insert(questionnaires).values({
    code: questionnaire.code,
    version: questionnaire.version,
    roles: [...questionnaire.roles],
    titleZh: questionnaire.titleZh,
    titleEn: questionnaire.titleEn,
    introZh: questionnaire.introZh,
    introEn: questionnaire.introEn,
    questions: questionnaire.questions,
    contentHash,
  });
  return true;
}

/**
 * A built-in clause version: contracts point at its row. The hash covers the wording, roles and
 * criteria (as app/lib/partners/clauses.server.ts computes it for adapted clauses).
 */
async function loadClause(db: Database, clause: CatalogClause): Promise<boolean> {
  const contentHash = createHash("sha256")
    .update(JSON.stringify({ titleZh: clause.titleZh, titleEn: clause.titleEn, textZh: clause.textZh, textEn: clause.textEn, criteria: clause.criteria, roles: clause.roles }))
    .digest("hex");
  const [existing] = await db
    .select({ contentHash: clauses.contentHash, requiredByDefault: clauses.requiredByDefault })
    .from(clauses)
    .where(and(isNull(clauses.organizationId), eq(clauses.code, clause.code), eq(clauses.version, clause.version)));
  if (existing) {
    if (existing.contentHash !== contentHash || existing.requiredByDefault !== clause.requiredByDefault) {
      throw new Error(`Clause ${clause.code}@${clause.version} differs from the copy already in the database. Give it a new version in db/catalog/clauses/.`);
    }
    return false;
  }
  await db.insert(clauses).values({
    organizationId: null,
    code: clause.code,
    version: clause.version,
    titleZh: clause.titleZh,
    titleEn: clause.titleEn,
    textZh: clause.textZh,
    textEn: clause.textEn,
    requiredByDefault: clause.requiredByDefault,
    roles: [...clause.roles],
    criteria: clause.criteria,
    contentHash,
  });
  return true;
}

/** "2022.1" < "2022.10": numeric parts compare as numbers. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}

/** The marker migration improvement_and_status leaves on frameworks loaded with the old hash. */
export const REHASH_IMPROVEMENT_RULE = "rehash:improvement-rule";

/** Writes the catalogue's improvement rule onto a loaded framework and its criteria. */
async function syncImprovementRule(db: Database, frameworkId: string, rule: ImprovementRule) {
  await db
    .update(frameworks)
    .set({ improvementDays: rule.kind === "window" ? rule.maxDays : null, improvementRule: rule })
    .where(eq(frameworks.id, frameworkId));
  const excluded = rule.kind === "window" ? [...rule.notImprovable] : [];
  await db.update(criteria).set({ improvable: true }).where(eq(criteria.frameworkId, frameworkId));
  if (excluded.length) {
    await db.update(criteria).set({ improvable: false }).where(and(eq(criteria.frameworkId, frameworkId), inArray(criteria.key, excluded)));
  }
}

/**
 * A version's key → stable key function. Without `stableKeys` the version numbers its criteria by
 * their stable keys. With it, every key must be listed (a revision states for each criterion what it
 * continues, or null), and no stable key may be claimed twice: a wrong mapping would put evidence on
 * the wrong criterion, so it stops the load instead.
 */
export function stableKeyMapping(framework: CatalogFramework): (key: string) => string | null {
  const mapping = framework.stableKeys;
  if (!mapping) return (key) => key;
  const label = `${framework.code}@${framework.version}`;
  const keys: string[] = [];
  const visit = (nodes: readonly CatalogCriterion[]) => {
    for (const node of nodes) {
      keys.push(node.key);
      visit(node.children ?? []);
    }
  };
  visit(framework.criteria);
  const known = new Set(keys);
  const unlisted = keys.filter((key) => !(key in mapping));
  if (unlisted.length) throw new Error(`Catalogue ${label}: stableKeys has no entry for ${unlisted.join(", ")} (null when a criterion continues none).`);
  const strays = Object.keys(mapping).filter((key) => !known.has(key));
  if (strays.length) throw new Error(`Catalogue ${label}: stableKeys names keys the version does not have: ${strays.join(", ")}`);
  const claimed = new Map<string, string>();
  for (const [key, stable] of Object.entries(mapping)) {
    if (stable === null) continue;
    const other = claimed.get(stable);
    if (other) throw new Error(`Catalogue ${label}: ${other} and ${key} both continue stable key ${stable}`);
    claimed.set(stable, key);
  }
  return (key) => mapping[key] ?? null;
}

/** Writes a loaded version's stable keys again (null mapping: keys are the stable keys). */
async function syncStableKeys(db: Database, frameworkId: string, stableKeyOf: ((key: string) => string | null) | null) {
  if (!stableKeyOf) {
    await db
      .update(criteria)
      .set({ stableKey: sql`${criteria.key}` })
      .where(and(eq(criteria.frameworkId, frameworkId), sql`${criteria.stableKey} is distinct from ${criteria.key}`));
    return;
  }
  const rows = await db.select({ id: criteria.id, key: criteria.key, stableKey: criteria.stableKey }).from(criteria).where(eq(criteria.frameworkId, frameworkId));
  for (const row of rows) {
    const stableKey = stableKeyOf(row.key);
    if (stableKey !== row.stableKey) await db.update(criteria).set({ stableKey }).where(eq(criteria.id, row.id));
  }
}

/** The newest loaded version of a framework code, if any. */
async function newestVersion(db: Database, code: string): Promise<{ id: string; version: string } | null> {
  const rows = await db.select({ id: frameworks.id, version: frameworks.version }).from(frameworks).where(eq(frameworks.code, code));
  return rows.reduce<{ id: string; version: string } | null>((best, row) => (!best || compareVersions(row.version, best.version) > 0 ? row : best), null);
}

/**
 * Copies every organisation's evidence links from a superseded version's criteria to the new
 * version's assessable criteria with the same stable key. The monthly counts follow through the
 * triggers on evidence_links. Links on criteria the revision dropped, or on a criterion it added
 * (no stable key), have nowhere to go and stay with the old version.
 */
async function carryEvidenceForward(db: Database, fromFrameworkId: string, toFrameworkId: string) {
  await db.execute(sql`
    insert into evidence_links (organization_id, criterion_id, record_type, record_id, occurred_at, linked_by_user_id, created_at)
    select l.organization_id, n.id, l.record_type, l.record_id, l.occurred_at, l.linked_by_user_id, l.created_at
    from evidence_links l
    join criteria o on o.id = l.criterion_id and o.framework_id = ${fromFrameworkId}
    join criteria n on n.framework_id = ${toFrameworkId} and n.stable_key = o.stable_key and cardinality(n.options) > 0
    on conflict do nothing`);
}

function hashOf(value: unknown): string {
  return createHash("sha256").update(JSON.stringify(value)).digest("hex");
}
