import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FieldShell, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { Input, Select } from "~/components/ui/input";
import { listAvailableVisitorBadges } from "~/lib/badges/badges.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { isUuid } from "~/lib/value-checks";
import { rememberedSite, rememberSiteCookie } from "~/lib/visitors/visitor-site-cookie.server";
import { visitorIdTypes, visitorReference, visitPurposes } from "~/lib/visitors/visitor-rules";
import { VisitorSignInSchema } from "~/lib/visitors/visitor-schema";
import { getVisitorEntry, hostSuggestions, recentVisitors, signInVisitor } from "~/lib/visitors/visitors.server";

// /visitors/new: the gatehouse sign-in on a phone. The site is the one used last on this phone; a
// returning visitor is signed in again from a recent entry (?from=<entry id>) with name, company, ID
// type and host filled in, but the ID number is asked for again: only its masked form is kept, so the
// guard must look at the document once more and type its number for this visit.

export const meta: MetaFunction = ({ matches }) => titleFor(matches, (t) => t("visitors.signIn.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "visitors.record");
  const orgId = auth.organization.id;
  const today = todayInZone(auth.organization.timeZone);
  const from = new URL(request.url).searchParams.get("from");
  const [sites, hosts, badges, recent, previous] = await Promise.all([
    listSites(auth.db, orgId),
    hostSuggestions(auth.db, orgId, today),
    listAvailableVisitorBadges(auth.db, orgId),
    recentVisitors(auth.db, orgId),
    isUuid(from) ? getVisitorEntry(auth.db, orgId, from) : Promise.resolve(null),
  ]);
  const remembered = rememberedSite(request);
  const siteId = sites.find((s) => s.id === remembered)?.id ?? (sites.length === 1 ? sites[0]?.id : undefined);
  const defaults: Record<string, string> = { idDocumentType: "cn_resident_id" };
  if (siteId) defaults.siteId = siteId;
  if (previous) {
    defaults.visitorName = previous.entry.visitorName;
    defaults.company = previous.entry.company;
    defaults.idDocumentType = previous.entry.idDocumentType;
    defaults.hostName = previous.entry.hostName;
  }
  return {
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    defaults,
    returning: previous ? { reference: visitorReference(previous.entry.number), idNumberMasked: previous.entry.idNumberMasked } : null,
    hosts,
    badges: badges.map((b) => ({ code: b.code, siteId: b.siteId })),
    recent: recent.map((r) => ({ id: r.id, visitorName: r.visitorName, company: r.company })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "visitors.record");
  const formData = await readFormData(request);
  const values = formDataToObject(formData);
  // The typed ID number never travels back into the page.
  delete values.idNumber;
  const parsed = parseForm(formData, VisitorSignInSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const timeZone = auth.organization.timeZone;
  const now = new Date();
  const result = await signInVisitor(
    auth.db,
    auth.actor,
    parsed.data,
    now,
    todayInZone(timeZone, now),
  );
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  return redirect(`/visitors?signedIn=${result.entry.id}`, { headers: { "Set-Cookie": rememberSiteCookie(result.entry.siteId) } });
}

export default function VisitorSignInPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const en = i18n.language === "en";
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(VisitorSignInSchema, { defaults: d.defaults, server });
  const current = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  return (
    <>
      <PageHeader title={t("visitors.signIn.title")} description={t("visitors.signIn.description")} />
      <div className="space-y-4">
        {d.recent.length && !d.returning ? (
          <Card title={t("visitors.signIn.returningTitle")}>
            <ul className="flex flex-wrap gap-2">
              {d.recent.map((r) => (
                <li key={r.id}>
                  <Link
                    to={`/visitors/new?from=${r.id}`}
                    className="inline-flex min-h-11 items-center rounded-full border border-slate-300 bg-white px-4 text-base text-brand-800 hover:border-brand-600"
                  >
                    {r.company ? t("visitors.nameAtCompany", { name: r.visitorName, company: r.company }) : r.visitorName}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card>
          <Form method="post" noValidate onSubmit={onSubmit} className="space-y-5" aria-label={t("visitors.signIn.title")}>
            {rejected ? <Alert tone="error">{formError ?? t("visitors.signIn.notSaved")}</Alert> : null}
            {d.returning ? (
              <Alert tone="info">
                {t("visitors.signIn.returningNotice", { reference: d.returning.reference, masked: d.returning.idNumberMasked })}
              </Alert>
            ) : null}

            <ChoiceGroup legend={t("visitors.site")} error={errorOf("siteId")} name="siteId">
              {d.sites.length === 0 ? <p className="text-slate-600">{t("visitors.signIn.noSites")}</p> : null}
              <div className="grid gap-2 sm:grid-cols-2">
                {d.sites.map((s) => (
                  <BigChoice
                    key={s.id}
                    value={s.id}
                    label={en ? s.nameEn : s.nameZh}
                    register={form.register("siteId")}
                    defaultChecked={current("siteId") === s.id}
                  />
                ))}
              </div>
            </ChoiceGroup>

            <TextField
              form={form}
              values={values}
              name="visitorName"
              label={t("visitors.visitorName")}
              error={errorOf("visitorName")}
              autoComplete="off"
            />
            <TextField
              form={form}
              values={values}
              name="company"
              label={t("visitors.company")}
              error={errorOf("company")}
              autoComplete="off"
            />

            <div className="grid gap-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)]">
              <div className="space-y-1">
                <label htmlFor="idDocumentType" className="block text-sm font-medium text-slate-800">
                  {t("visitors.idType")}
                </label>
                <Select id="idDocumentType" defaultValue={current("idDocumentType")} {...form.register("idDocumentType")}>
                  {visitorIdTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`visitors.idTypes.${type}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <TextField
                form={form}
                values={{}}
                name="idNumber"
                label={t("visitors.idNumber")}
                hint={d.returning ? t("visitors.signIn.idAgainHint") : t("visitors.signIn.idHint")}
                error={errorOf("idNumber")}
                autoComplete="off"
              />
            </div>
            <div className="space-y-1">
              <label className="flex min-h-14 cursor-pointer items-center gap-3 rounded-lg border border-slate-300 px-4 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50">
                <input
                  type="checkbox"
                  value="yes"
                  className="size-6 accent-brand-700"
                  defaultChecked={values.idVerified === "yes"}
                  aria-invalid={errorOf("idVerified") ? true : undefined}
                  aria-describedby={errorOf("idVerified") ? "idVerified-error" : undefined}
                  {...form.register("idVerified")}
                />
                <span className="text-base font-medium">{t("visitors.signIn.idVerified")}</span>
              </label>
              {errorOf("idVerified") ? (
                <p id="idVerified-error" className="text-sm font-medium text-red-700">
                  {errorOf("idVerified")}
                </p>
              ) : null}
            </div>

            <div>
              <SuggestField
                form={form}
                values={values}
                name="hostName"
                label={t("visitors.host")}
                hint={t("visitors.signIn.hostHint")}
                error={errorOf("hostName")}
                list="host-names"
              />
              <datalist id="host-names">
                {d.hosts.map((h) => (
                  <option key={`${h.name}-${h.department}`} value={h.name}>
                    {h.department}
                  </option>
                ))}
              </datalist>
            </div>

            <ChoiceGroup legend={t("visitors.purpose")} error={errorOf("purpose")} name="purpose">
              <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
                {visitPurposes.map((p) => (
                  <BigChoice
                    key={p}
                    value={p}
                    label={t(`visitors.purposes.${p}`)}
                    register={form.register("purpose")}
                    defaultChecked={current("purpose") === p}
                  />
                ))}
              </div>
            </ChoiceGroup>
            <TextField
              form={form}
              values={values}
              name="purposeNote"
              label={t("visitors.purposeNote")}
              hint={t("visitors.signIn.purposeNoteHint")}
              error={errorOf("purposeNote")}
            />

            <div>
              <SuggestField
                form={form}
                values={values}
                name="badgeNumber"
                label={t("visitors.badge")}
                hint={d.badges.length ? t("visitors.signIn.badgeHint", { count: d.badges.length }) : t("visitors.signIn.badgeFreeHint")}
                error={errorOf("badgeNumber")}
                list="visitor-badges"
                upper
              />
              <datalist id="visitor-badges">
                {d.badges.map((b) => (
                  <option key={b.code} value={b.code} />
                ))}
              </datalist>
            </div>
            <TextField
              form={form}
              values={values}
              name="escortName"
              label={t("visitors.escort")}
              hint={t("visitors.signIn.escortHint")}
              error={errorOf("escortName")}
              autoComplete="off"
            />
            <TextField
              form={form}
              values={values}
              name="vehiclePlate"
              label={t("visitors.plate")}
              hint={t("visitors.signIn.plateHint")}
              error={errorOf("vehiclePlate")}
              autoComplete="off"
            />

            <Button type="submit" className="min-h-14 w-full text-lg" disabled={navigation.state === "submitting"}>
              {t("visitors.signIn.submit")}
            </Button>
          </Form>
        </Card>
      </div>
    </>
  );
}

function ChoiceGroup(props: { legend: string; error?: string; name: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-2" aria-describedby={props.error ? `${props.name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{props.legend}</legend>
      {props.children}
      {props.error ? (
        <p id={`${props.name}-error`} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A radio as a 56 px button: the main choices at the gate are tapped with gloves on. */
function BigChoice(props: {
  value: string;
  label: string;
  defaultChecked: boolean;
  register: ReturnType<ReturnType<typeof useValidatedForm>["form"]["register"]>;
}) {
  return (
    <label className="flex min-h-14 cursor-pointer items-center justify-center rounded-lg border border-slate-300 bg-white px-3 text-center text-base font-semibold text-slate-800 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-700 has-[:checked]:text-white has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600">
      <input type="radio" value={props.value} defaultChecked={props.defaultChecked} className="sr-only" {...props.register} />
      {props.label}
    </label>
  );
}

/** A text field with suggestions (a datalist): the host from the employee list, a badge from the register. */
function SuggestField(props: {
  form: ReturnType<typeof useValidatedForm>["form"];
  values: Record<string, unknown>;
  name: string;
  label: string;
  hint: string;
  error?: string;
  list: string;
  upper?: boolean;
}) {
  const value = props.values[props.name];
  return (
    <FieldShell name={props.name} label={props.label} hint={props.hint} error={props.error}>
      <Input
        id={props.name}
        list={props.list}
        autoComplete="off"
        autoCapitalize={props.upper ? "characters" : undefined}
        className={props.upper ? "uppercase" : ""}
        defaultValue={typeof value === "string" ? value : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={
          [props.hint ? `${props.name}-hint` : "", props.error ? `${props.name}-error` : ""].filter(Boolean).join(" ") || undefined
        }
        {...props.form.register(props.name)}
      />
    </FieldShell>
  );
}
