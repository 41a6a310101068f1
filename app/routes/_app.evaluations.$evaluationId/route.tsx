import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { partnerName } from "~/components/partners/partner-badges";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { assignableMembers } from "~/lib/actions/actions.server";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { formDataToObject, parseForm, parseIntent, readFormData } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { evaluationView } from "~/lib/partners/evaluation-view.server";
import { decideEvaluation } from "~/lib/partners/evaluation-decisions.server";
import { createQuestionnaireLink, revokeQuestionnaireLink } from "~/lib/partners/evaluation-links.server";
import { reopenEvaluation, saveEvaluationAnswers } from "~/lib/partners/evaluation-preparation.server";
import { getEvaluation } from "~/lib/partners/evaluation-queries.server";
import { DecisionSchema, QuestionnaireLinkSchema } from "~/lib/partners/partner-schema";
import { getPartnerPolicy } from "~/lib/partners/partner-policy.server";
import { appBaseUrl } from "~/lib/request-origin.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";
import { ActionsCard } from "./actions-card";
import { AnswersCard } from "./answers-card";
import { DecisionCard } from "./decision-card";
import { DocumentsCard } from "./documents-card";
import { intents, type ServerState } from "./forms";
import { LinkCard } from "./link-card";
import { SummaryCard } from "./summary-card";
import type { PageHandle } from "~/root";
import { StatusFlags } from "./status-flags";

export const handle = { i18n: ["organizations", "criteria", "actions", "inspections", "partners"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? `${data.reference} · ${partnerName(data.partner, locale === "en")}` : t("partners.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const orgId = auth.organization.id;
  const found = await getEvaluation(auth.db, orgId, uuidParam(params, "evaluationId"));
  if (!found) notFound();
  const role = auth.membership.role;
  const [policy, members] = await Promise.all([
    getPartnerPolicy(auth.db, orgId),
    can(role, "partners.decide") ? assignableMembers(auth.db, orgId) : Promise.resolve([]),
  ]);
  const people = await assignableMembers(auth.db, orgId);
  return evaluationView({ found, policy, members, people }, { role, userId: auth.user.id }, todayInZone(auth.organization.timeZone));
}


export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "partners.read");
  const evaluationId = uuidParam(params, "evaluationId");
  if (!(await getEvaluation(auth.db, auth.organization.id, evaluationId))) notFound();
  const formData = await readFormData(request);
  const intent = parseIntent(formData, intents);
  const role = auth.membership.role;
  const actor = {
    ...auth.actor,
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
  // intent is "revokeLink": parseIntent refused anything else.
  const linkId = formData.get("linkId");
  if (!isUuid(linkId) || !(await revokeQuestionnaireLink(auth.db, actor, evaluationId, linkId))) notFound();
  return redirect(`${here}?revoked=1`);
}

export default function EvaluationPage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerState;
  const [search] = useSearchParams();
  // A notice of the last success goes once a later post was answered (refused, or a link shown).
  const notice = (key: string) => !server && search.get(key) === "1";
  const en = i18n.language === "en";
  const e = d.evaluation;
  const answersServer = server?.intent === "save" || server?.intent === "prepare" ? server : null;
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
        <SummaryCard d={d} />
        <StatusFlags d={d} />

        {e.status === "prepared" ? <DecisionCard d={d} server={server?.intent === "decide" ? server : null} /> : null}

        {d.can.link || d.links.length ? <LinkCard d={d} server={server?.intent === "link" ? server : null} /> : null}

        {d.documents.length ? <DocumentsCard d={d} /> : null}

        {d.actions.length ? <ActionsCard d={d} /> : null}

        {d.questionnaire && e.kind === "questionnaire" ? <AnswersCard d={d} server={answersServer} /> : null}
      </div>
    </>
  );
}
