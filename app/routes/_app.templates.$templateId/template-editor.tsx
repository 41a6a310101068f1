import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useActionData, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import { FieldShell } from "~/components/form/fields";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Input, Select, Textarea } from "~/components/ui/input";
import { useHydrated } from "~/components/ui/use-hydrated";
import { translateMessage } from "~/lib/i18n/messages";
import { useTranslation } from "~/lib/i18n/use-translation";
import { answerTypes, headerFieldKeys, signoffModes } from "~/lib/inspections/template-definition";
import { itemField, templateEditorSchema } from "~/lib/inspections/template-editor";
import type { TemplatePageView } from "~/lib/inspections/template-view.server";
import type { action } from "./route";
import { localized } from "~/lib/i18n/localized";

// The editor of an organisation's own template: saving makes the next version (the page's action).
// One row per point, and a few empty rows after them for new points.

export function TemplateEditor(props: { d: TemplatePageView }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submit = useSubmit();
  const actionData = useActionData<typeof action>();
  const { d } = props;
  const base = d.template.definition;
  const schema = useMemo(() => templateEditorSchema(base), [base]);
  const values = { ...d.editor, ...(actionData?.values ?? {}) } as Record<string, string>;
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: values,
    mode: "onSubmit",
  });
  const errorOf = (name: string) => {
    const client = form.formState.errors[name]?.message;
    const encoded = typeof client === "string" && client ? client : actionData?.errors?.[name as keyof typeof actionData.errors];
    return typeof encoded === "string" ? translateMessage(t, encoded) : undefined;
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => submit(element))(event);
  };
  const rowCount = Number(d.editor.rowCount);
  const refused =
    Boolean(actionData?.errors && Object.keys(actionData.errors).length) ||
    (form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0);
  const formError = errorOf("form");
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="space-y-6">
      {refused ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
      <p className="text-sm text-slate-600">{t("templates.editHint")}</p>
      <input type="hidden" {...form.register("rowCount")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FieldShell name="titleZh" label={t("templates.titleZh")} error={errorOf("titleZh")}>
          <Input id="titleZh" {...form.register("titleZh")} />
        </FieldShell>
        <FieldShell name="titleEn" label={t("templates.titleEn")} error={errorOf("titleEn")}>
          <Input id="titleEn" {...form.register("titleEn")} />
        </FieldShell>
        <FieldShell name="descriptionZh" label={t("templates.descriptionZh")} error={errorOf("descriptionZh")}>
          <Textarea id="descriptionZh" rows={2} {...form.register("descriptionZh")} />
        </FieldShell>
        <FieldShell name="descriptionEn" label={t("templates.descriptionEn")} error={errorOf("descriptionEn")}>
          <Textarea id="descriptionEn" rows={2} {...form.register("descriptionEn")} />
        </FieldShell>
        <FieldShell name="supervisorSignoff" label={t("templates.signoffLabel")} error={errorOf("supervisorSignoff")}>
          <Select id="supervisorSignoff" {...form.register("supervisorSignoff")}>
            {signoffModes.map((m) => (
              <option key={m} value={m}>
                {t(`templates.signoff.${m}`)}
              </option>
            ))}
          </Select>
        </FieldShell>
        <FieldShell
          name="actionDueDays"
          label={t("templates.actionDueDays")}
          hint={t("templates.actionDueDaysHint")}
          error={errorOf("actionDueDays")}
        >
          <Input id="actionDueDays" type="number" min={0} max={90} inputMode="numeric" {...form.register("actionDueDays")} />
        </FieldShell>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-semibold text-slate-900">{t("templates.headerFields")}</legend>
        <div className="grid gap-2 md:grid-cols-2">
          {headerFieldKeys.map((field) => (
            <label key={field} className="flex items-center justify-between gap-2 rounded-md border border-slate-200 px-3 py-1 text-sm">
              <span>{t(`inspections.header.${field}`)}</span>
              <Select className="w-auto min-w-28" aria-label={t(`inspections.header.${field}`)} {...form.register(`header_${field}`)}>
                <option value="absent">{t("templates.headerAbsent")}</option>
                <option value="optional">{t("templates.headerOptional")}</option>
                <option value="required">{t("templates.headerRequired")}</option>
              </Select>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">{t("templates.points")}</legend>
        {Array.from({ length: rowCount }, (_, row) => (
          <PointRow
            key={row}
            row={row}
            form={form}
            errorOf={errorOf}
            sections={base.sections.map((s) => ({ key: s.key, title: localized(s, "title", i18n.language) }))}
            isNew={!d.editor[itemField(row, "key")]}
          />
        ))}
      </fieldset>
      <Button type="submit" disabled={navigation.state === "submitting"}>
        {t("templates.saveVersion", { version: d.template.version + 1 })}
      </Button>
    </Form>
  );
}

function PointRow(props: {
  row: number;
  form: UseFormReturn<FieldValues>;
  errorOf: (name: string) => string | undefined;
  sections: { key: string; title: string }[];
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const { row, form } = props;
  const f = (prop: string) => itemField(row, prop);
  // With JavaScript only the settings of the chosen answer type show; without it, all of them do.
  const hydrated = useHydrated();
  const answer = form.watch(f("answer")) as string;
  const shows = (type: string) => !hydrated || answer === type;
  const input = (prop: string, label: string, extra: { className?: string; hint?: string; type?: string } = {}) => (
    <FieldShell name={f(prop)} label={label} hint={extra.hint} error={props.errorOf(f(prop))}>
      <Input id={f(prop)} type={extra.type ?? "text"} className={extra.className} {...form.register(f(prop))} />
    </FieldShell>
  );
  const check = (prop: string, label: string) => (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input type="checkbox" value="on" className="size-5 accent-brand-700" {...form.register(f(prop))} />
      {label}
    </label>
  );
  return (
    <div className={`rounded-md border p-3 ${props.isNew ? "border-dashed border-slate-300 bg-slate-50" : "border-slate-200"}`}>
      <p className="mb-2 text-sm font-semibold text-slate-700">
        {props.isNew ? t("templates.newPoint") : t("templates.pointRow", { number: form.getValues(f("number")) })}
      </p>
      <input type="hidden" {...form.register(f("key"))} />
      <div className="grid gap-3 sm:grid-cols-4">
        {input("number", t("templates.number"))}
        {input("position", t("templates.position"), { type: "number", hint: t("templates.positionHint") })}
        <FieldShell name={f("section")} label={t("templates.section")} error={props.errorOf(f("section"))}>
          <Select id={f("section")} {...form.register(f("section"))}>
            {props.sections.map((s) => (
              <option key={s.key} value={s.key}>
                {s.title}
              </option>
            ))}
          </Select>
        </FieldShell>
        <FieldShell name={f("answer")} label={t("templates.answerLabel")} error={props.errorOf(f("answer"))}>
          <Select id={f("answer")} {...form.register(f("answer"))}>
            {answerTypes.map((a) => (
              <option key={a} value={a}>
                {t(`templates.answerType.${a}`)}
              </option>
            ))}
          </Select>
        </FieldShell>
        <div className="sm:col-span-2">{input("promptZh", t("templates.promptZh"))}</div>
        <div className="sm:col-span-2">{input("promptEn", t("templates.promptEn"))}</div>
        <div className="sm:col-span-2">{input("guidanceZh", t("templates.guidanceZh"))}</div>
        <div className="sm:col-span-2">{input("guidanceEn", t("templates.guidanceEn"))}</div>
        {shows("number") ? (
          <>
            {input("failBelow", t("templates.failBelow"), { hint: t("templates.numberOnly") })}
            {input("failAbove", t("templates.failAbove"), { hint: t("templates.numberOnly") })}
            {input("unit", t("templates.unit"), { hint: t("templates.numberOnly") })}
          </>
        ) : null}
        {shows("yes_no") ? (
          <FieldShell name={f("failOn")} label={t("templates.failOn")} hint={t("templates.yesNoOnly")} error={props.errorOf(f("failOn"))}>
            <Select id={f("failOn")} {...form.register(f("failOn"))}>
              <option value="no">{t("inspections.answer.no")}</option>
              <option value="yes">{t("inspections.answer.yes")}</option>
            </Select>
          </FieldShell>
        ) : null}
        <div className="sm:col-span-4">
          {input("criteria", t("templates.criteria"), { hint: t("templates.criteriaHint"), className: "font-mono text-sm" })}
        </div>
        <div className="flex flex-wrap gap-x-6 sm:col-span-4">
          {check("required", t("templates.required"))}
          {check("failRequiresPhoto", t("templates.failPhoto"))}
          {check("failRequiresNote", t("templates.failNote"))}
          {check("reeferOnly", t("templates.reeferOnly"))}
          {props.isNew ? null : check("remove", t("templates.remove"))}
        </div>
      </div>
    </div>
  );
}
