import type { ChecklistTemplate } from "../../../db/schema";
import { can, type Role } from "~/lib/auth/permissions";
import { editorValues } from "~/lib/inspections/template-editor";
import type { criterionLabels } from "~/lib/inspections/templates.server";

// The template page's data (app/routes/_app.templates.$templateId): the version its loader read,
// the code's other versions and the criteria labels, mapped for the page, with whether the viewer
// may edit or copy it decided here rather than in the route.

export interface TemplateRows {
  template: ChecklistTemplate;
  /** Every version of the template's code the organisation sees, newest first. */
  versions: Pick<ChecklistTemplate, "id" | "version" | "createdAt">[];
  labels: Awaited<ReturnType<typeof criterionLabels>>;
}

export function templatePageView(rows: TemplateRows, orgId: string, role: Role) {
  const { template, versions, labels } = rows;
  const newest = versions[0];
  // A built-in (no organisation) is copied, never edited; another organisation's is not seen at all.
  const own = template.organizationId === orgId;
  return {
    template: {
      id: template.id,
      code: template.code,
      version: template.version,
      builtIn: !own,
      titleZh: template.titleZh,
      titleEn: template.titleEn,
      descriptionZh: template.descriptionZh,
      descriptionEn: template.descriptionEn,
      sourceZh: template.sourceZh,
      sourceEn: template.sourceEn,
      kind: template.kind,
      definition: template.definition,
      createdAt: template.createdAt,
    },
    newestId: newest?.id ?? template.id,
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt })),
    labels,
    // Only the newest version is edited: saving makes the next one, older ones stay as they were.
    canEdit: own && newest?.id === template.id && can(role, "templates.manage"),
    canCopy: can(role, "templates.manage"),
    editor: editorValues(template, template.definition),
  };
}

export type TemplatePageView = ReturnType<typeof templatePageView>;
