import { z } from "zod";
import { message } from "../i18n/messages";
import { requiredText } from "../validation";
import { parseReading } from "./inspection-rules";
import {
  answerTypes,
  headerFieldKeys,
  signoffModes,
  TemplateDefinitionSchema,
  type CriterionRef,
  type HeaderFieldKey,
  type TemplateDefinition,
} from "./template-definition";

// The template editor's form, flat so it posts the same with and without JavaScript:
//   titleZh, titleEn, descriptionZh, descriptionEn, supervisorSignoff, actionDueDays,
//   header_<field> = absent | optional | required,
//   rowCount, and per point row n: item_<n>_key (empty for a new point), _section, _position,
//   _number, _promptZh, _promptEn, _guidanceZh, _guidanceEn, _answer, _required,
//   _failRequiresPhoto, _failRequiresNote, _failOn, _unit, _failBelow, _failAbove, _reeferOnly,
//   _criteria ("cn-2022-advanced:43, ctpat-msc:5.3"), _remove.
// The kind of the template, whether it gates a release and its sections stay as copied.

export const NEW_ROWS = 3;

export const itemField = (row: number, prop: string) => `item_${row}_${prop}`;

export interface EditorTexts {
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
}

export function formatCriterionRefs(refs: readonly CriterionRef[]): string {
  return refs.map((r) => `${r.framework}:${r.key}`).join(", ");
}

/** "cn-2022-advanced:43, ctpat-msc:5.3" -> refs; null for a token that is not framework:key. */
export function parseCriterionRefs(text: string): { refs: CriterionRef[]; bad: string | null } {
  const refs: CriterionRef[] = [];
  for (const token of text.split(/[\s,，;；]+/).filter(Boolean)) {
    const at = token.indexOf(":");
    const framework = token.slice(0, at);
    const key = token.slice(at + 1);
    // The shape only: whether the framework and criterion exist is the catalogue's to say (unknownCriterionRefs).
    if (at <= 0 || !key || !/^[a-z0-9-]+$/.test(framework)) return { refs, bad: token };
    if (!refs.some((r) => r.framework === framework && r.key === key)) refs.push({ framework, key });
  }
  return { refs, bad: null };
}

/** The form's values for a template version, with NEW_ROWS empty rows for new points after its points. */
export function editorValues(texts: EditorTexts, definition: TemplateDefinition): Record<string, string> {
  const values: Record<string, string> = {
    titleZh: texts.titleZh,
    titleEn: texts.titleEn,
    descriptionZh: texts.descriptionZh,
    descriptionEn: texts.descriptionEn,
    supervisorSignoff: definition.supervisorSignoff,
    actionDueDays: String(definition.actionDueDays),
  };
  for (const field of headerFieldKeys) {
    const entry = definition.header.find((h) => h.field === field);
    values[`header_${field}`] = entry ? (entry.required ? "required" : "optional") : "absent";
  }
  let row = 0;
  for (const section of definition.sections) {
    for (const item of section.items) {
      const set = (prop: string, value: string | undefined) => {
        if (value !== undefined && value !== "") values[itemField(row, prop)] = value;
      };
      set("key", item.key);
      set("section", section.key);
      set("position", String((row + 1) * 10));
      set("number", item.number);
      set("promptZh", item.promptZh);
      set("promptEn", item.promptEn);
      set("guidanceZh", item.guidanceZh);
      set("guidanceEn", item.guidanceEn);
      set("answer", item.answer);
      set("required", item.required ? "on" : undefined);
      set("failRequiresPhoto", item.failRequiresPhoto ? "on" : undefined);
      set("failRequiresNote", item.failRequiresNote ? "on" : undefined);
      set("failOn", item.failOn);
      set("unit", item.unit);
      set("failBelow", item.failBelow === undefined ? undefined : String(item.failBelow));
      set("failAbove", item.failAbove === undefined ? undefined : String(item.failAbove));
      set("reeferOnly", item.onlyWhen === "reefer" ? "on" : undefined);
      set("criteria", formatCriterionRefs(item.criteria));
      row += 1;
    }
  }
  const last = definition.sections.at(-1)?.key ?? "";
  for (let i = 0; i < NEW_ROWS; i += 1) {
    values[itemField(row + i, "section")] = last;
    values[itemField(row + i, "position")] = String((row + i + 1) * 10);
    values[itemField(row + i, "answer")] = "pass_fail_na";
    values[itemField(row + i, "required")] = "on";
  }
  values.rowCount = String(row + NEW_ROWS);
  return values;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/, "");
}

export type EditorResult = { ok: true; texts: EditorTexts; definition: TemplateDefinition } | { ok: false; errors: Record<string, string> };

/**
 * Turns the editor's fields into texts and a definition, on top of `base` (the version being
 * edited: its kind, release gate and sections). Errors come back under the form's field names.
 */
export function definitionFromEditor(raw: Record<string, unknown>, base: TemplateDefinition): EditorResult {
  const text = (name: string) => {
    const value = raw[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const flag = (name: string) => raw[name] === "on" || raw[name] === true || raw[name] === "true";
  const errors: Record<string, string> = {};
  const fail = (field: string, encoded: string) => {
    errors[field] ??= encoded;
  };

  const texts: EditorTexts = {
    titleZh: text("titleZh"),
    titleEn: text("titleEn"),
    descriptionZh: text("descriptionZh"),
    descriptionEn: text("descriptionEn"),
  };
  for (const [field, max] of [
    ["titleZh", 100],
    ["titleEn", 100],
    ["descriptionZh", 500],
    ["descriptionEn", 500],
  ] as const) {
    if (field.startsWith("title") && !texts[field]) fail(field, message("errors.required"));
    if (texts[field].length > max) fail(field, message("errors.tooLong", { max }));
  }
  const signoff = text("supervisorSignoff");
  if (!(signoffModes as readonly string[]).includes(signoff)) fail("supervisorSignoff", message("errors.choose"));
  const dueDays = Number(text("actionDueDays"));
  if (!Number.isInteger(dueDays) || dueDays < 0 || dueDays > 90) fail("actionDueDays", message("templates.dueDaysRange"));

  const header: { field: HeaderFieldKey; required: boolean }[] = [];
  for (const field of headerFieldKeys) {
    const value = text(`header_${field}`) || "absent";
    if (value === "required" || value === "optional") header.push({ field, required: value === "required" });
    else if (value !== "absent") fail(`header_${field}`, message("errors.choose"));
  }

  const sectionKeys = base.sections.map((s) => s.key);
  const rowCount = Math.min(Number(text("rowCount")) || 0, 200);
  type Row = { row: number; position: number; section: string; item: Record<string, unknown> };
  const rows: Row[] = [];
  const usedKeys = new Set<string>();
  for (let row = 0; row < rowCount; row += 1) {
    const f = (prop: string) => text(itemField(row, prop));
    const existingKey = f("key");
    if (flag(itemField(row, "remove"))) continue;
    if (!existingKey && !f("promptZh") && !f("promptEn") && !f("number")) continue;
    const section = f("section");
    if (!sectionKeys.includes(section)) fail(itemField(row, "section"), message("errors.choose"));
    const answer = f("answer");
    if (!(answerTypes as readonly string[]).includes(answer)) fail(itemField(row, "answer"), message("errors.choose"));
    let key = existingKey || slug(f("promptEn")) || `point-${slug(f("number")) || row + 1}`;
    for (let n = 2; usedKeys.has(key); n += 1) key = `${existingKey || slug(f("promptEn")) || "point"}-${n}`;
    usedKeys.add(key);
    const { refs, bad } = parseCriterionRefs(f("criteria"));
    if (bad) fail(itemField(row, "criteria"), message("templates.criterionFormat", { token: bad }));
    const limit = (prop: "failBelow" | "failAbove") => {
      const value = f(prop);
      if (!value) return undefined;
      const reading = parseReading(value);
      if (reading === null) fail(itemField(row, prop), message("inspections.numberInvalid"));
      return reading ?? undefined;
    };
    const item: Record<string, unknown> = {
      key,
      number: f("number"),
      promptZh: f("promptZh"),
      promptEn: f("promptEn"),
      guidanceZh: f("guidanceZh") || undefined,
      guidanceEn: f("guidanceEn") || undefined,
      answer,
      required: flag(itemField(row, "required")),
      failRequiresPhoto: flag(itemField(row, "failRequiresPhoto")),
      failRequiresNote: flag(itemField(row, "failRequiresNote")),
      failOn: answer === "yes_no" && (f("failOn") === "yes" || f("failOn") === "no") ? f("failOn") : undefined,
      unit: answer === "number" ? f("unit") || undefined : undefined,
      failBelow: answer === "number" ? limit("failBelow") : undefined,
      failAbove: answer === "number" ? limit("failAbove") : undefined,
      onlyWhen: flag(itemField(row, "reeferOnly")) ? "reefer" : undefined,
      criteria: refs,
    };
    for (const k of Object.keys(item)) if (item[k] === undefined) delete item[k];
    const position = Number(f("position"));
    rows.push({ row, position: Number.isFinite(position) ? position : row * 10, section, item });
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const sorted = [...rows].sort((a, b) => a.position - b.position || a.row - b.row);
  const sections = base.sections
    .map((s) => ({ key: s.key, titleZh: s.titleZh, titleEn: s.titleEn, rows: sorted.filter((r) => r.section === s.key) }))
    .filter((s) => s.rows.length > 0);
  const candidate = {
    kind: base.kind,
    releaseGate: base.releaseGate,
    supervisorSignoff: signoff,
    actionDueDays: dueDays,
    header,
    sections: sections.map((s) => ({ key: s.key, titleZh: s.titleZh, titleEn: s.titleEn, items: s.rows.map((r) => r.item) })),
  };
  const parsed = TemplateDefinitionSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, s, second, i, prop] = issue.path;
      if (first === "sections" && second === "items" && typeof s === "number" && typeof i === "number") {
        const row = sections[s]?.rows[i]?.row ?? 0;
        fail(itemField(row, typeof prop === "string" ? prop : "promptZh"), issue.message);
      } else if (first === "sections") {
        fail("form", message("templates.noItems"));
      } else if (first === "header") {
        fail("form", issue.message);
      } else {
        fail(typeof first === "string" ? first : "form", issue.message);
      }
    }
    return { ok: false, errors };
  }
  return { ok: true, texts, definition: parsed.data };
}

/** The editor's schema for react-hook-form: the same conversion, its errors under the same names. */
export function templateEditorSchema(base: TemplateDefinition) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const result = definitionFromEditor(raw, base);
    if (result.ok) return result;
    for (const [field, encoded] of Object.entries(result.errors)) ctx.addIssue({ code: "custom", path: [field], message: encoded });
    return z.NEVER;
  });
}

/** Copying a template: the new code and titles. */
export const CopyTemplateSchema = z.object({
  intent: z.literal("copy"),
  sourceId: z.string({ error: message("errors.choose") }).uuid(message("errors.choose")),
  code: z
    .string({ error: message("errors.required") })
    .trim()
    .toLowerCase()
    .min(1, message("errors.required"))
    .max(40, message("errors.tooLong", { max: 40 }))
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, message("templates.keyFormat")),
  titleZh: requiredText(100),
  titleEn: requiredText(100),
});
