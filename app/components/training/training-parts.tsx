import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FieldShell, fileInputClass, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { Badge } from "~/components/ui/badge";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { sessionCategories, type RequirementState, type TrainingCategory } from "~/lib/training/training-rules";
import { MAX_MATERIALS } from "~/lib/training/training-rules";
import { localized } from "~/lib/i18n/localized";

// Pieces the training pages share: the category and requirement badges, and the session form's fields
// (new session, new drill, and the corrections form on a session's page).

const categoryTone: Record<TrainingCategory, "brand" | "warn" | "neutral" | "good"> = {
  customs_law: "brand",
  cargo_security: "neutral",
  crisis_drill: "warn",
  information_security: "neutral",
  security_awareness: "neutral",
  driver_security: "neutral",
  other: "neutral",
};

export function CategoryBadge(props: { category: TrainingCategory }) {
  const { t } = useTranslation();
  return <Badge tone={categoryTone[props.category]}>{t(`training.category.${props.category}`)}</Badge>;
}

export function RequirementBadge(props: { state: RequirementState }) {
  const { t } = useTranslation();
  const tone = props.state === "met" ? "good" : props.state === "pending" ? "warn" : "bad";
  return <Badge tone={tone}>{t(`training.requirement.state.${props.state}`)}</Badge>;
}

export interface SiteOption {
  id: string;
  nameZh: string;
  nameEn: string;
}

export function SessionFields(props: {
  kind: "session" | "drill";
  form: UseFormReturn<FieldValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
  sites: readonly SiteOption[];
  /** Show the materials input (the corrections form adds files apart). */
  materials: boolean;
  /** The server refused a post without JavaScript: chosen files must be chosen again. */
  refused?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { form, values, errorOf } = props;
  const drill = props.kind === "drill";
  return (
    <div className="space-y-4">
      <TextField
        form={form}
        values={values}
        name="topic"
        label={t(drill ? "training.fields.drillTopic" : "training.fields.topic")}
        hint={t(drill ? "training.fields.drillTopicHint" : "training.fields.topicHint")}
        error={errorOf("topic")}
        required
      />
      {drill ? (
        <TextAreaField
          form={form}
          values={values}
          name="scenario"
          label={t("training.fields.scenario")}
          hint={t("training.fields.scenarioHint")}
          error={errorOf("scenario")}
          rows={3}
        />
      ) : (
        <SelectField
          form={form}
          values={values}
          name="category"
          label={t("training.fields.category")}
          hint={t("training.fields.categoryHint")}
          error={errorOf("category")}
          placeholder={t("common.choose")}
          options={sessionCategories.map((c) => ({ value: c, label: t(`training.category.${c}`) }))}
        />
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          form={form}
          values={values}
          name="heldOn"
          type="date"
          label={t("training.fields.heldOn")}
          error={errorOf("heldOn")}
          required
        />
        <TextField
          form={form}
          values={values}
          name="startTime"
          type="time"
          label={t("training.fields.startTime")}
          hint={t("training.fields.optional")}
          error={errorOf("startTime")}
        />
        <TextField
          form={form}
          values={values}
          name="durationMinutes"
          inputMode="numeric"
          label={t("training.fields.durationMinutes")}
          hint={t("training.fields.optional")}
          error={errorOf("durationMinutes")}
        />
      </div>
      <SelectField
        form={form}
        values={values}
        name="siteId"
        label={t("training.fields.site")}
        error={errorOf("siteId")}
        placeholder={t("training.fields.noSite")}
        options={props.sites.map((s) => ({ value: s.id, label: localized(s, "name", i18n.language) }))}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          form={form}
          values={values}
          name="trainer"
          label={t(drill ? "training.fields.drillLead" : "training.fields.trainer")}
          hint={t("training.fields.trainerHint")}
          error={errorOf("trainer")}
          required
        />
        <TextField
          form={form}
          values={values}
          name="provider"
          label={t("training.fields.provider")}
          hint={t("training.fields.providerHint")}
          error={errorOf("provider")}
        />
      </div>
      <label className="flex min-h-11 items-start gap-3 rounded-md border border-slate-200 p-3">
        <input
          type="checkbox"
          defaultChecked={values.testGiven === "on" || values.testGiven === true}
          className="mt-0.5 size-5 shrink-0 accent-brand-700"
          {...form.register("testGiven")}
        />
        <span>
          <span className="block font-medium text-slate-800">{t("training.fields.testGiven")}</span>
          <span className="block text-sm text-slate-500">{t("training.fields.testGivenHint")}</span>
        </span>
      </label>
      {drill ? (
        <>
          <TextAreaField
            form={form}
            values={values}
            name="observations"
            label={t("training.fields.observations")}
            error={errorOf("observations")}
          />
          <TextAreaField
            form={form}
            values={values}
            name="lessonsLearned"
            label={t("training.fields.lessonsLearned")}
            error={errorOf("lessonsLearned")}
          />
          <TextAreaField
            form={form}
            values={values}
            name="followUp"
            label={t("training.fields.followUp")}
            hint={t("training.fields.followUpHint")}
            error={errorOf("followUp")}
          />
        </>
      ) : null}
      <TextAreaField form={form} values={values} name="notes" label={t("training.fields.notes")} error={errorOf("notes")} rows={2} />
      {props.materials ? <MaterialsInput form={form} error={errorOf("materials")} refused={props.refused} /> : null}
    </div>
  );
}

export function MaterialsInput(props: { form?: UseFormReturn<FieldValues>; error?: string; refused?: boolean; label?: ReactNode }) {
  const { t } = useTranslation();
  const hint = t("training.fields.materialsHint", { max: MAX_MATERIALS, size: MAX_UPLOAD_MB, formats: allowedFormatsLabel });
  return (
    <FieldShell
      name="materials"
      label={props.label ?? t("training.fields.materials")}
      hint={props.refused ? `${hint} ${t("training.fields.reselect")}` : hint}
      error={props.error}
    >
      <input
        id="materials"
        type="file"
        multiple
        accept={acceptAttribute}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? "materials-hint materials-error" : "materials-hint"}
        className={fileInputClass}
        {...(props.form ? props.form.register("materials") : { name: "materials" })}
      />
    </FieldShell>
  );
}
