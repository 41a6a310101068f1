import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { FileDownloadLink } from "~/components/evidence/file-download";
import { SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { ConditionFields } from "~/components/partners/condition-fields";
import { decisionTone, partnerName, PartnerStatusBadges, tierTone } from "~/components/partners/partner-fields";
import { QuestionList, ScoreReasons } from "~/components/partners/questionnaire-form";
import { Alert } from "~/components/ui/alert";
import { useHydrated } from "~/components/ui/use-hydrated";
import { Badge } from "~/components/ui/badge";
import { Button } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { actionReference } from "~/lib/assessments/result-labels";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { useShell } from "~/lib/auth/use-session-user";
import { formDataToObject, parseForm, readFormData } from "~/lib/form.server";
import { formatDateTime, todayInZone } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { useLocale } from "~/lib/i18n/use-locale";
import { decideEvaluation } from "~/lib/partners/evaluation-decisions.server";
import { createQuestionnaireLink, linkState, revokeQuestionnaireLink } from "~/lib/partners/evaluation-links.server";
import { reopenEvaluation, saveEvaluationAnswers } from "~/lib/partners/evaluation-preparation.server";
import { getEvaluation } from "~/lib/partners/evaluation-queries.server";
import { canDecideEvaluation, hadAHand, scoreEvaluation } from "~/lib/partners/partner-scoring";
import { evaluationReference, partnerReference } from "~/lib/partners/partner-references";
import { DecisionSchema, decisions, LINK_DAYS_DEFAULT, QuestionnaireLinkSchema } from "~/lib/partners/partner-schema";
import { getPartnerPolicy } from "~/lib/partners/partners.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? `${data.reference} · ${partnerName(data.partner, locale === "en")}` : t("partners.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const orgId = auth.organization.id;
  const found = await getEvaluation(auth.db, orgId, uuidParam(params, "evaluationId"));
  if (!found) notFound();
  const { evaluation, partner, questionnaire } = found;
  const role = auth.membership.role;
  const [policy, members] = await Promise.all([
    getPartnerPolicy(auth.db, orgId),
    can(role, "partners.decide") ? assignableMembers(auth.db, orgId) : Promise.resolve([]),
  ]);
  const people = await assignableMembers(auth.db, orgId);
  const nameOf = (id: string | null) => people.find((p) => p.userId === id)?.name ?? null;
  const editable = ["draft", "awaiting_partner", "partner_submitted"].includes(evaluation.status);
  return {
    reference: evaluationReference(evaluation.number),
    today: todayInZone(auth.organization.timeZone),
    evaluation: {
      id: evaluation.id,
      kind: evaluation.kind,
      role: evaluation.role,
      status: evaluation.status,
      answers: evaluation.answers,
      partnerAnswers: evaluation.partnerAnswers,
      partnerSubmittedAt: evaluation.partnerSubmittedAt,
      score: evaluation.score,
      tier: evaluation.tier,
      reasons: evaluation.reasons,
      preparedBy: nameOf(evaluation.preparedByUserId),
      preparedAt: evaluation.preparedAt,
      decision: evaluation.decision,
      decisionNote: evaluation.decisionNote,
      decidedBy: nameOf(evaluation.decidedByUserId),
      decidedAt: evaluation.decidedAt,
    },
    partner: {
      id: partner.id,
      reference: partnerReference(partner.number),
      legalNameZh: partner.legalNameZh,
      legalNameEn: partner.legalNameEn,
      status: partner.status,
      riskTier: partner.riskTier,
      exempt: partner.exempt,
      aeoProgramme: partner.aeoProgramme,
      aeoCertificateNumber: partner.aeoCertificateNumber,
      aeoValidUntil: partner.aeoValidUntil,
    },
    questionnaire: questionnaire
      ? {
          code: questionnaire.code,
          version: questionnaire.version,
          titleZh: questionnaire.titleZh,
          titleEn: questionnaire.titleEn,
          questions: questionnaire.questions,
        }
      : null,
    policy: { lowTierMinScore: policy.lowTierMinScore, mediumTierMinScore: policy.mediumTierMinScore },
    links: found.links.map((l) => ({
      id: l.id,
      locale: l.locale,
      sentTo: l.sentTo,
      expiresAt: l.expiresAt,
      createdAt: l.createdAt,
      state: linkState(l),
      submittedAt: l.submittedAt,
    })),
    documents: found.documents.map(({ document, file }) => ({
      id: document.id,
      questionKey: document.questionKey,
      source: document.source,
      fileId: file.id,
      name: file.originalName,
      sha256: file.sha256,
    })),
    actions: found.actions.map((a) => ({
      id: a.id,
      reference: actionReference(a.number),
      title: a.title,
      status: a.status,
      dueOn: a.dueOn,
    })),
    members: members.map((m) => ({ userId: m.userId, name: m.name })),
    can: {
      edit: editable && evaluation.kind === "questionnaire" && can(role, "partners.manage"),
      link:
        can(role, "partners.manage") &&
        evaluation.kind === "questionnaire" &&
        (evaluation.status === "draft" || evaluation.status === "awaiting_partner"),
      reopen: evaluation.status === "prepared" && can(role, "partners.manage"),
      decide: canDecideEvaluation(role, auth.user.id, evaluation),
      decideRole: can(role, "partners.decide"),
      isPreparer: hadAHand(auth.user.id, evaluation),
    },
    newLink: null as string | null,
  };
}

type Intent = "save" | "prepare" | "reopen" | "decide" | "link" | "revokeLink";

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const evaluationId = uuidParam(params, "evaluationId");
  if (!(await getEvaluation(auth.db, auth.organization.id, evaluationId))) notFound();
  const formData = await readFormData(request);
  const intent = formData.get("intent") as Intent | null;
  const role = auth.membership.role;
  const actor = {
    organizationId: auth.organization.id,
    userId: auth.user.id,
    role,
    timeZone: auth.organization.timeZone,
    name: auth.user.name,
  };
  const values = formDataToObject(formData);
  const refuse = (errors: Record<string, string>, status = 400) =>
    data({ intent, errors, values, link: null as string | null }, { status });
  const here = `/evaluations/${evaluationId}`;
  const manage = can(role, "partners.manage");
  if (intent !== "decide" && !manage) return refuse({ form: message("partners.manageOnly") }, 403);
  if (intent === "decide" && !can(role, "partners.decide")) return refuse({ form: message("partners.decideNotAllowed") }, 403);

  if (intent === "save" || intent === "prepare") {
    const saved = await saveEvaluationAnswers(auth.db, actor, evaluationId, values, intent === "prepare");
    if (!saved) notFound();
    if (!saved.ok) return refuse(saved.errors);
    return redirect(`${here}?${intent === "prepare" ? "prepared" : "saved"}=1`);
  }
  if (intent === "reopen") {
    const reopened = await reopenEvaluation(auth.db, actor, evaluationId);
    if (!reopened) notFound();
    if (!reopened.ok) return refuse(reopened.errors);
    return redirect(here);
  }
  if (intent === "decide") {
    const parsed = parseForm(formData, DecisionSchema);
    if (!parsed.ok) return refuse(parsed.errors);
    const decided = await decideEvaluation(auth.db, actor, evaluationId, parsed.data);
    if (!decided) notFound();
    if (!decided.ok) return refuse(decided.errors);
    return redirect(`${here}?decided=1`);
  }
  if (intent === "link") {
    const parsed = parseForm(formData, QuestionnaireLinkSchema);
    if (!parsed.ok) return refuse(parsed.errors);
    const created = await createQuestionnaireLink(auth.db, actor, evaluationId, parsed.data, appBaseUrl(request));
    if (!created) notFound();
    if (!created.ok) return refuse(created.errors);
    // The token exists only in this answer: the page shows the link once, to copy or send.
    return data({ intent, errors: {} as Record<string, string>, values: {}, link: created.url, sentTo: parsed.data.email ?? null });
  }
  if (intent === "revokeLink") {
    const linkId = formData.get("linkId");
    if (!isUuid(linkId) || !(await revokeQuestionnaireLink(auth.db, actor, evaluationId, linkId))) notFound();
    return redirect(`${here}?revoked=1`);
  }
  return refuse({ form: message("errors.invalid") });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ServerState =
  | {
      intent?: string | null;
      errors?: Record<string, string | undefined>;
      values?: Record<string, string | string[]>;
      link?: string | null;
      sentTo?: string | null;
    }
  | undefined;

export default function EvaluationPage() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerState;
  const [search] = useSearchParams();
  // A notice of the last success goes once a later post was answered (refused, or a link shown).
  const notice = (key: string) => !server && search.get(key) === "1";
  const en = i18n.language === "en";
  const e = d.evaluation;
  const zone = shell.organization.timeZone;
  const answersServer = server?.intent === "save" || server?.intent === "prepare" ? server : null;
  const decided = e.status === "decided";
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg font-semibold text-slate-500">{d.reference}</span>
            {e.kind === "exemption" ? t("partners.exemption") : en ? d.questionnaire?.titleEn : d.questionnaire?.titleZh}
          </>
        }
        description={
          <Link to={`/partners/${d.partner.id}`} className="text-brand-700 underline">
            {d.partner.reference} {partnerName(d.partner, en)}
          </Link>
        }
      />
      <div className="space-y-4">
        {notice("saved") ? <Alert tone="success">{t("common.saved")}</Alert> : null}
        {notice("prepared") ? <Alert tone="success">{t("partners.preparedNotice")}</Alert> : null}
        {notice("decided") ? <Alert tone="success">{t("partners.decidedNotice")}</Alert> : null}
        {notice("revoked") ? <Alert tone="info">{t("partners.linkRevoked")}</Alert> : null}
        {server?.errors?.form ? <Alert tone="error">{translateMessage(t, server.errors.form)}</Alert> : null}
        {d.partner.status === "rejected" ? <Alert tone="error">{t("partners.rejectedBody")}</Alert> : null}
        <Card>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={e.decision ? decisionTone[e.decision] : "warn"}>
              {e.decision ? t(`partners.decision.${e.decision}`) : t(`partners.evaluationStatus.${e.status}`)}
            </Badge>
            {decided && e.tier ? <Badge tone={tierTone[e.tier]}>{t(`partners.tier.${e.tier}`)}</Badge> : null}
          </div>
          <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
            {/* Before the decision, where the partner stands now (its last decision), labelled apart from this evaluation. */}
            {!decided ? (
              <Row
                label={t("partners.currentStatus")}
                value={<PartnerStatusBadges status={d.partner.status} tier={d.partner.riskTier} exempt={d.partner.exempt} />}
              />
            ) : null}
            {e.kind === "questionnaire" ? <Row label={t("partners.evaluatedAs")} value={t(`partners.role.${e.role}`)} /> : null}
            {d.questionnaire ? (
              <Row
                label={t("partners.questionnaire")}
                value={`${en ? d.questionnaire.titleEn : d.questionnaire.titleZh} · v${d.questionnaire.version}`}
              />
            ) : null}
            {e.partnerSubmittedAt ? (
              <Row label={t("partners.partnerSubmittedAt")} value={formatDateTime(e.partnerSubmittedAt, locale, zone)} />
            ) : null}
            {e.preparedAt ? (
              <Row label={t("partners.preparedBy")} value={`${e.preparedBy ?? "—"} · ${formatDateTime(e.preparedAt, locale, zone)}`} />
            ) : null}
            {e.decidedAt ? (
              <Row label={t("partners.decidedBy")} value={`${e.decidedBy ?? "—"} · ${formatDateTime(e.decidedAt, locale, zone)}`} />
            ) : null}
            {e.decisionNote ? <Row label={t("partners.decisionNote")} value={e.decisionNote} /> : null}
          </dl>
          {e.kind === "exemption" ? (
            <p className="mt-3 text-sm text-slate-700">
              {t("partners.exemptionBasis", {
                programme: t(`partners.aeo.${d.partner.aeoProgramme}`),
                certificate: d.partner.aeoCertificateNumber ?? "—",
                date: d.partner.aeoValidUntil ?? "—",
              })}
            </p>
          ) : null}
        </Card>

        {e.status === "prepared" ? <DecisionCard d={d} server={server?.intent === "decide" ? server : null} /> : null}

        {d.can.link || d.links.length ? <LinkCard d={d} server={server?.intent === "link" ? server : null} /> : null}

        {d.documents.length ? (
          <Card title={t("partners.documentsTitle", { count: d.documents.length })}>
            <ul className="divide-y divide-slate-100">
              {d.documents.map((doc) => (
                <li key={doc.id} className="py-2 text-sm">
                  <FileDownloadLink fileId={doc.fileId} name={doc.name} label={doc.name} />
                  {doc.questionKey ? <span className="ml-2 text-slate-500">{questionText(d, doc.questionKey, en)}</span> : null}
                  <span className="block break-all font-mono text-xs text-slate-500">SHA-256 {doc.sha256}</span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {d.actions.length ? (
          <Card title={t("partners.conditionsActions", { count: d.actions.length })}>
            <ul className="divide-y divide-slate-100">
              {d.actions.map((a) => (
                <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <Link to={`/actions/${a.id}`} className="text-brand-700 underline">
                    <span className="mr-2 font-mono text-sm">{a.reference}</span>
                    {a.title}
                  </Link>
                  <Badge tone={a.status === "done" ? "good" : "neutral"}>{t(`actions.status.${a.status}`)}</Badge>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {d.questionnaire && e.kind === "questionnaire" ? <AnswersCard d={d} server={answersServer} /> : null}
      </div>
    </>
  );
}

function questionText(d: LoaderData, key: string, en: boolean): string {
  const q = d.questionnaire?.questions.find((x) => x.key === key);
  return q ? (en ? q.textEn : q.textZh) : key;
}

function Row(props: { label: string; value: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{props.label}</dt>
      <dd className="break-words text-slate-900">{props.value}</dd>
    </div>
  );
}

/** The answers, the live score and tier, and Save / Ready for decision. */
function AnswersCard(props: { d: LoaderData; server: ServerState | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const questions = d.questionnaire!.questions;
  const [answers, setAnswers] = useState<Record<string, { option: string }>>(() => {
    const server = props.server?.values ?? {};
    const merged: Record<string, { option: string }> = { ...d.evaluation.answers };
    for (const q of questions) {
      const posted = server[`answer_${q.key}`];
      if (typeof posted === "string") merged[q.key] = { option: posted };
    }
    return merged;
  });
  const score = useMemo(() => scoreEvaluation(questions, answers, d.policy), [questions, answers, d.policy]);
  const errors = Object.fromEntries(
    Object.entries(props.server?.errors ?? {}).map(([k, v]) => [k, v ? translateMessage(t, v) : undefined]),
  );
  const shown =
    d.evaluation.status === "decided" || d.evaluation.status === "prepared"
      ? { score: d.evaluation.score, tier: d.evaluation.tier, reasons: d.evaluation.reasons }
      : score;
  return (
    <Card title={t("partners.answersTitle")}>
      <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3" aria-live="polite">
        <p className="font-semibold text-slate-900">
          {shown.score === null ? t("partners.noScoreYet") : t("partners.scoreValue", { score: shown.score })}
          {shown.tier ? <span className="ml-2">{t(`partners.tierLong.${shown.tier}`)}</span> : null}
        </p>
        {d.can.edit ? (
          <p className="text-sm text-slate-600">{t("partners.answeredOf", { answered: score.answered, total: questions.length })}</p>
        ) : null}
        <div className="mt-2">
          <ScoreReasons reasons={shown.reasons} questions={questions} />
        </div>
      </div>
      <Form method="post" noValidate className="space-y-4">
        {Object.keys(errors).length ? (
          <Alert tone="error">{t("partners.answersMissing", { count: Object.keys(errors).length })}</Alert>
        ) : null}
        <QuestionList
          questions={questions}
          answers={d.evaluation.answers}
          partnerAnswers={d.evaluation.partnerAnswers}
          errors={errors}
          disabled={!d.can.edit}
          reviewer
          onChange={(key, option) => setAnswers((a) => ({ ...a, [key]: { option } }))}
        />
        {d.can.edit ? (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="intent" value="save" variant="secondary" disabled={navigation.state === "submitting"}>
              {t("partners.saveAnswers")}
            </Button>
            <Button type="submit" name="intent" value="prepare" disabled={navigation.state === "submitting"}>
              {t("partners.prepare")}
            </Button>
            <p className="w-full text-sm text-slate-600">{t("partners.prepareHint")}</p>
          </div>
        ) : null}
      </Form>
      {d.can.reopen ? (
        <Form method="post" className="mt-3">
          <input type="hidden" name="intent" value="reopen" />
          <Button type="submit" variant="ghost">
            {t("partners.reopen")}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function LinkCard(props: { d: LoaderData; server: ServerState | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shell = useShell();
  const hydrated = useHydrated();
  const [copied, setCopied] = useState(false);
  const { d } = props;
  return (
    <Card title={t("partners.linkTitle")}>
      <div className="space-y-3">
        <p className="text-sm text-slate-600">{t("partners.linkHint")}</p>
        {props.server?.link ? (
          <Alert tone="success" title={t("partners.linkCreated")}>
            <p className="break-all font-mono text-sm">{props.server.link}</p>
            {props.server.sentTo ? <p className="mt-1 text-sm">{t("partners.linkSent", { email: props.server.sentTo })}</p> : null}
            <p className="mt-1 text-sm">{t("partners.linkOnce")}</p>
            {hydrated ? (
              <Button
                type="button"
                variant="secondary"
                className="mt-2"
                onClick={() => {
                  void navigator.clipboard?.writeText(props.server?.link ?? "").then(() => setCopied(true));
                }}
              >
                {copied ? t("partners.linkCopied") : t("partners.copyLink")}
              </Button>
            ) : null}
          </Alert>
        ) : null}
        {d.links.length ? (
          <ul className="divide-y divide-slate-100">
            {d.links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                <span>
                  {formatDateTime(l.createdAt, locale, shell.organization.timeZone)} · {l.locale === "en" ? "English" : "简体中文"}
                  {l.sentTo ? ` · ${l.sentTo}` : ""} ·{" "}
                  {t("partners.linkExpires", { date: formatDateTime(l.expiresAt, locale, shell.organization.timeZone) })}
                </span>
                <span className="flex items-center gap-2">
                  <Badge tone={l.state === "open" ? "brand" : l.state === "submitted" ? "good" : "neutral"}>
                    {t(`partners.linkState.${l.state}`)}
                  </Badge>
                  {l.state === "open" && d.can.link ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revokeLink" />
                      <input type="hidden" name="linkId" value={l.id} />
                      <button type="submit" className="min-h-9 font-medium text-red-700 underline">
                        {t("partners.revokeLink")}
                      </button>
                    </Form>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {/* A new form after each link: the address just used is not sent twice by accident. */}
        {d.can.link ? <LinkForm key={props.server?.link ?? "new"} server={props.server?.link ? null : props.server} /> : null}
      </div>
    </Card>
  );
}

function LinkForm(props: { server: ServerState | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(QuestionnaireLinkSchema, {
    server: props.server,
    defaults: { intent: "link", locale: "zh-CN", days: String(LINK_DAYS_DEFAULT) },
  });
  const field = { form, values, idPrefix: "link-" };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-3">
      {rejected ? (
        <div className="sm:col-span-3">
          <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert>
        </div>
      ) : null}
      <input type="hidden" value="link" {...form.register("intent")} />
      <SelectField
        {...field}
        name="locale"
        label={t("partners.linkLanguage")}
        options={[
          { value: "zh-CN", label: "简体中文" },
          { value: "en", label: "English" },
        ]}
        error={errorOf("locale")}
      />
      <TextField {...field} name="days" type="number" inputMode="numeric" label={t("partners.linkDaysLabel")} error={errorOf("days")} />
      <TextField
        {...field}
        name="email"
        type="email"
        label={t("partners.linkEmail")}
        hint={t("partners.linkEmailHint")}
        error={errorOf("email")}
      />
      <div className="sm:col-span-3">
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {t("partners.createLink")}
        </Button>
      </div>
    </Form>
  );
}

function DecisionCard(props: { d: LoaderData; server: ServerState | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const { d } = props;
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(DecisionSchema, {
    server: props.server,
    defaults: { intent: "decide", decision: "approved" },
  });
  const field = { form, values, idPrefix: "decide-" };
  const decision = form.watch("decision") ?? values.decision;
  const hydrated = useHydrated();
  return (
    <Card title={t("partners.decisionTitle")}>
      <div className="mb-4 rounded-md border border-slate-200 bg-slate-50 p-3">
        <p className="font-semibold text-slate-900">
          {d.evaluation.score === null ? t("partners.noScoreYet") : t("partners.scoreValue", { score: d.evaluation.score })}
          {d.evaluation.tier ? <span className="ml-2">{t(`partners.tierLong.${d.evaluation.tier}`)}</span> : null}
        </p>
        <div className="mt-2">
          <ScoreReasons reasons={d.evaluation.reasons} questions={d.questionnaire?.questions ?? []} />
        </div>
      </div>
      {!d.can.decide ? (
        <p className="text-slate-600">
          {d.can.isPreparer ? t("partners.fourEyesHint") : d.can.decideRole ? t("partners.notPreparedHint") : t("partners.decideWho")}
        </p>
      ) : (
        <Form method="post" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
          <input type="hidden" value="decide" {...form.register("intent")} />
          <SelectField
            {...field}
            name="decision"
            label={t("partners.decisionLabel")}
            options={decisions.map((x) => ({ value: x, label: t(`partners.decision.${x}`) }))}
            error={errorOf("decision")}
          />
          {!hydrated || decision === "approved_with_conditions" ? (
            <ConditionFields form={form} values={values} errorOf={errorOf} members={d.members} idPrefix="decide-" />
          ) : null}
          <TextAreaField
            {...field}
            name="note"
            label={decision === "rejected" ? t("partners.rejectionReasonLabel") : t("partners.decisionNote")}
            error={errorOf("note")}
          />
          <Button type="submit" variant={decision === "rejected" ? "danger" : "primary"} disabled={navigation.state === "submitting"}>
            {t("partners.decide")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
