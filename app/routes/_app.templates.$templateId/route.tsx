import { zodResolver } from "@hookform/resolvers/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useMemo, type FormEvent } from "react";
import { useForm, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CodeBadge, criterionCode, frameworkShort } from "~/components/criteria/criterion-parts";
import { FieldShell } from "~/components/form/fields";
import { Alert } from "~/components/ui/alert";
import { useHydrated } from "~/components/ui/use-hydrated";
import { Badge } from "~/components/ui/badge";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Input, Select, Textarea } from "~/components/ui/input";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { formDataToObject, readFormData } from "~/lib/form.server";
import { formatDateTime } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { allItems, answerTypes, headerFieldKeys, signoffModes } from "~/lib/inspections/template-definition";
import { definitionFromEditor, editorValues, itemField, templateEditorSchema } from "~/lib/inspections/template-editor";
import {
  criterionLabels,
  getTemplateVersion,
  listTemplateVersions,
  saveTemplateVersion,
  unknownCriterionRefs,
} from "~/lib/inspections/templates.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? (locale === "en" ? data.template.titleEn : data.template.titleZh) : t("templates.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.read");
  const orgId = auth.organization.id;
  const template = await getTemplateVersion(auth.db, orgId, uuidParam(params, "templateId"));
  if (!template) notFound();
  const versions = await listTemplateVersions(auth.db, orgId, template.code);
  const newest = versions[0];
  const labels = await criterionLabels(
    auth.db,
    allItems(template.definition).flatMap((i) => i.criteria),
  );
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
    canEdit: own && newest?.id === template.id && can(auth.membership.role, "templates.manage"),
    canCopy: can(auth.membership.role, "templates.manage"),
    editor: editorValues(template, template.definition),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "templates.manage");
  const templateId = uuidParam(params, "templateId");
  const template = await getTemplateVersion(auth.db, auth.organization.id, templateId);
  // A built-in cannot be edited (copy it), and another organisation's template is not there.
  if (!template || template.organizationId !== auth.organization.id) notFound();
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  const converted = definitionFromEditor(values, template.definition);
  if (!converted.ok) return data({ errors: converted.errors, values }, { status: 400 });
  const unknown = await unknownCriterionRefs(
    auth.db,
    allItems(converted.definition).flatMap((i) => i.criteria),
  );
  if (unknown.length)
    return data({ errors: { form: message("templates.unknownCriterion", { ref: unknown.join(", ") }) }, values }, { status: 400 });
  const saved = await saveTemplateVersion(
    auth.db,
    auth.actor,
    templateId,
    converted.texts,
    converted.definition,
  );
  if (!saved) notFound();
  if (!saved.ok) return data({ errors: saved.errors, values }, { status: 400 });
  return redirect(`/templates/${saved.id}?${saved.changed ? "saved=1" : "unchanged=1"}`);
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export default function TemplatePage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const en = i18n.language === "en";
  const tpl = d.template;
  const def = tpl.definition;
  return (
    <>
      <PageHeader
        title={en ? tpl.titleEn : tpl.titleZh}
        description={en ? tpl.descriptionEn : tpl.descriptionZh}
        actions={
          <Link to="/templates" className="text-sm text-brand-700 underline">
            {t("templates.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {search.get("copied") === "1" ? <Alert tone="success">{t("templates.copied")}</Alert> : null}
        {search.get("saved") === "1" ? <Alert tone="success">{t("templates.savedVersion", { version: tpl.version })}</Alert> : null}
        {search.get("unchanged") === "1" ? <Alert tone="info">{t("templates.unchanged")}</Alert> : null}
        {d.newestId !== tpl.id ? (
          <Alert tone="warning">
            {t("templates.olderVersion", { version: tpl.version })}{" "}
            <Link to={`/templates/${d.newestId}`} className="underline">
              {t("templates.toNewest")}
            </Link>
          </Alert>
        ) : null}
        <Card>
          <div className="flex flex-wrap gap-2">
            <Badge tone={tpl.builtIn ? "neutral" : "brand"}>{tpl.builtIn ? t("templates.builtInBadge") : t("templates.ownBadge")}</Badge>
            <Badge>{t("templates.versionBadge", { version: tpl.version })}</Badge>
            {def.releaseGate ? <Badge tone="warn">{t("templates.gatesRelease")}</Badge> : null}
            <Badge>{t(`templates.signoff.${def.supervisorSignoff}`)}</Badge>
          </div>
          <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-500">{t("templates.code")}</dt>
              <dd className="font-mono">{tpl.code}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("templates.actionDueDays")}</dt>
              <dd>{t("templates.days", { count: def.actionDueDays })}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("templates.source")}</dt>
              <dd>{en ? tpl.sourceEn : tpl.sourceZh}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-500">{t("templates.headerFields")}</dt>
              <dd>
                {def.header
                  .map((h) =>
                    h.required
                      ? t(`inspections.header.${h.field}`)
                      : t("inspections.form.optional", { label: t(`inspections.header.${h.field}`) }),
                  )
                  .join(t("common.listSeparator"))}
              </dd>
            </div>
          </dl>
          <div className="mt-4 flex flex-wrap gap-2">
            <Link to={`/inspections/new?template=${encodeURIComponent(tpl.code)}`} className={buttonClass("primary")}>
              {t("templates.startInspection")}
            </Link>
            {d.canCopy ? (
              <Link to={`/templates?copy=${tpl.id}`} className={buttonClass("secondary")}>
                {t("templates.copyThis")}
              </Link>
            ) : null}
          </div>
        </Card>
        {def.sections.map((section) => (
          <Card key={section.key} title={en ? section.titleEn : section.titleZh}>
            <ol className="divide-y divide-slate-100">
              {section.items.map((item) => (
                <li key={item.key} className="py-3">
                  <p className="font-medium text-slate-900">
                    <span className="mr-2 font-mono text-sm text-slate-600">{item.number}</span>
                    {en ? item.promptEn : item.promptZh}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">{en ? item.guidanceEn : item.guidanceZh}</p>
                  <p className="mt-1 flex flex-wrap gap-1 text-xs">
                    <Badge>{t(`templates.answerType.${item.answer}`)}</Badge>
                    {item.required ? <Badge>{t("templates.required")}</Badge> : null}
                    {item.failRequiresPhoto ? <Badge tone="warn">{t("templates.failPhoto")}</Badge> : null}
                    {item.failRequiresNote ? <Badge tone="warn">{t("templates.failNote")}</Badge> : null}
                    {item.onlyWhen === "reefer" ? <Badge tone="brand">{t("templates.reeferOnly")}</Badge> : null}
                  </p>
                  {item.criteria.length ? (
                    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                      {item.criteria.map((ref) => {
                        const label = d.labels[`${ref.framework}/${ref.key}`];
                        return (
                          <li key={`${ref.framework}/${ref.key}`}>
                            <Link
                              to={`/criteria/${ref.framework}/${encodeURIComponent(ref.key)}`}
                              className="inline-flex min-h-9 items-center gap-1 text-brand-700 underline"
                              title={label ? (en ? label.titleEn : label.titleZh) : undefined}
                            >
                              <span className="text-slate-500">{frameworkShort(t, ref.framework)}</span>
                              <CodeBadge>{label ? criterionCode(t, label) : ref.key}</CodeBadge>
                            </Link>
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </Card>
        ))}
        <Card title={t("templates.versions", { count: d.versions.length })}>
          <ul className="divide-y divide-slate-100">
            {d.versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                {v.id === tpl.id ? (
                  <span className="font-medium">{t("templates.versionBadge", { version: v.version })}</span>
                ) : (
                  <Link to={`/templates/${v.id}`} className="text-brand-700 underline">
                    {t("templates.versionBadge", { version: v.version })}
                  </Link>
                )}
                <span className="text-sm text-slate-600">{formatDateTime(v.createdAt, locale, shell.organization.timeZone)}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-sm text-slate-500">{t("templates.versionsHint")}</p>
        </Card>
        {d.canEdit ? (
          <Card title={t("templates.editTitle")}>
            <TemplateEditor d={d} />
          </Card>
        ) : null}
      </div>
    </>
  );
}

function TemplateEditor(props: { d: LoaderData }) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const submit = useSubmit();
  const actionData = useActionData<typeof action>();
  const en = i18n.language === "en";
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
            sections={base.sections.map((s) => ({ key: s.key, title: en ? s.titleEn : s.titleZh }))}
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
