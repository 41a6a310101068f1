import type { FieldValues, UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { SelectField, TextField } from "~/components/form/fields";
import { conditionField, MAX_CONDITIONS } from "~/lib/partners/partner-schema";

/**
 * Up to three conditions or findings to correct, each with an owner and a due date: they become
 * corrective actions on /actions. Used by the decision on an evaluation and by supervision checks.
 */
export function ConditionFields(props: {
  form: UseFormReturn<FieldValues>;
  values: Record<string, unknown>;
  errorOf: (name: string) => string | undefined;
  members: { userId: string; name: string }[];
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const field = { form: props.form, values: props.values, idPrefix: props.idPrefix };
  return (
    <fieldset className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-3">
      <legend className="px-1 text-sm font-semibold text-amber-900">{t("partners.conditionsTitle")}</legend>
      <p className="text-sm text-amber-900">{t("partners.conditionsHint")}</p>
      {Array.from({ length: MAX_CONDITIONS }, (_, i) => i + 1).map((n) => (
        <div key={n} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
          <TextField
            {...field}
            name={conditionField(n, "title")}
            label={t("partners.conditionTitle", { n })}
            error={props.errorOf(conditionField(n, "title"))}
          />
          <SelectField
            {...field}
            name={conditionField(n, "ownerUserId")}
            label={t("actions.owner")}
            placeholder={t("common.choose")}
            options={props.members.map((m) => ({ value: m.userId, label: m.name }))}
            error={props.errorOf(conditionField(n, "ownerUserId"))}
          />
          <TextField
            {...field}
            name={conditionField(n, "dueOn")}
            type="date"
            label={t("actions.dueOn")}
            error={props.errorOf(conditionField(n, "dueOn"))}
          />
        </div>
      ))}
    </fieldset>
  );
}
