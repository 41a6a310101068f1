import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { fileInputClass } from "~/components/form/fields";
import { QuestionList } from "~/components/partners/questionnaire-form";
import { Alert } from "~/components/ui/alert";
import { Button } from "~/components/ui/button";
import { Card } from "~/components/ui/card";
import { getDb } from "~/lib/db.server";
import { acceptAttribute, allowedFormatsLabel, MAX_UPLOAD_MB } from "~/lib/evidence/file-rules";
import { checkUpload, readUploadForm, type CheckedUpload } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseIntent } from "~/lib/form.server";
import { isLocale } from "~/lib/i18n/config";
import { prefetchTranslationsOn } from "~/lib/i18n/page-translations";
import { formatDateTime } from "~/lib/i18n/format";
import { message, translateMessage } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { answerThroughLink, documentsThroughLinks, openQuestionnaireLink } from "~/lib/partners/evaluation-links.server";
import { notFound } from "~/lib/route-params.server";
import type { PageHandle } from "~/root";
import { localized } from "~/lib/i18n/localized";

export const handle = { i18n: ["organizations", "partners"] } satisfies PageHandle;

// /q/:token: a partner answers its questionnaire and uploads documents without an account. The
// token is the only key (kept hashed); it opens one partner's one evaluation and nothing else, and
// it stops working when it expires, is revoked or the answers are submitted.

export const meta: MetaFunction = ({ matches }) => [
  ...titleFor(matches, (t) => t("questionnaire.title")),
  { name: "robots", content: "noindex" },
];

const MAX_FILES = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const db = await getDb();
  const found = await openQuestionnaireLink(db, token);
  if (!found || !found.questionnaire) notFound();
  const url = new URL(request.url);
  // The page opens in the language the link was made for; the partner may switch.
  if (!isLocale(url.searchParams.get("lng"))) {
    url.searchParams.set("lng", found.link.locale);
    throw redirect(`${url.pathname}${url.search}`);
  }
  const { organization, partner, evaluation, questionnaire, link } = found;
  return {
    state: found.state,
    expiresAt: link.expiresAt,
    timeZone: organization.timeZone,
    organization: { nameZh: organization.legalNameZh, nameEn: organization.legalNameEn },
    partner: { nameZh: partner.legalNameZh, nameEn: partner.legalNameEn },
    questionnaire: {
      titleZh: questionnaire.titleZh,
      titleEn: questionnaire.titleEn,
      introZh: questionnaire.introZh,
      introEn: questionnaire.introEn,
      // The questions and their options only: how they are weighted and scored is ours, not the partner's.
      questions: questionnaire.questions.map((q) => ({
        key: q.key,
        category: q.category,
        textZh: q.textZh,
        textEn: q.textEn,
        helpZh: q.helpZh,
        helpEn: q.helpEn,
        documentZh: q.documentZh,
        documentEn: q.documentEn,
        options: q.options.map((o) => ({ key: o.key, labelZh: o.labelZh, labelEn: o.labelEn })),
      })),
    },
    // Answers and documents already saved through the link, so the partner can continue where it
    // stopped; nothing else of the evaluation.
    answers: found.state === "open" ? evaluation.answers : {},
    documents: found.state === "open" ? await documentsThroughLinks(db, link) : [],
    savedAt: found.state === "open" ? link.lastOpenedAt : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const db = await getDb();
  const found = await openQuestionnaireLink(db, token);
  if (!found) notFound();
  const form = await readUploadForm(request);
  if (!form.ok) return data({ errors: form.errors, values: form.values }, { status: 400 });
  const formData = form.formData;
  const intent = parseIntent(formData, ["save", "submit"], { whenMissing: "save" });
  const files: { questionKey: string | null; file: CheckedUpload }[] = [];
  const errors: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (!name.startsWith("file_") || typeof value === "string") continue;
    const checked = await checkUpload(value, { required: false });
    if (!checked.ok) errors[name] = checked.error;
    else if (checked.file) files.push({ questionKey: name === "file_general" ? null : name.slice("file_".length), file: checked.file });
  }
  if (files.length > MAX_FILES) errors.form = message("questionnaire.tooManyFiles", { max: MAX_FILES });
  const values = formDataToObject(formData);
  if (Object.keys(errors).length) return data({ errors, values }, { status: 400 });
  const result = await answerThroughLink(db, token, values, files, intent === "submit");
  if (!result) notFound();
  if (!result.ok && "closed" in result)
    return data({ errors: { form: message(`questionnaire.closed.${result.closed}`) }, values }, { status: 410 });
  if (!result.ok) return data({ errors: result.errors, values }, { status: 400 });
  const url = new URL(request.url);
  url.searchParams.set(result.submitted ? "submitted" : "saved", "1");
  return redirect(`${url.pathname}${url.search}`);
}

export default function QuestionnairePage() {
  const { t, i18n } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const en = i18n.language === "en";
  const errors = Object.fromEntries(Object.entries(server?.errors ?? {}).map(([k, v]) => [k, v ? translateMessage(t, v) : undefined]));
  const other = en ? "zh-CN" : "en";
  const answers = { ...d.answers } as Record<string, { option: string; comment?: string }>;
  for (const [key, value] of Object.entries(server?.values ?? {})) {
    if (key.startsWith("answer_") && typeof value === "string") answers[key.slice(7)] = { ...answers[key.slice(7)], option: value };
  }
  const questions = d.questionnaire.questions;
  const answered = questions.filter((q) => d.answers[q.key]?.option).length;
  const withDocument = questions.filter((q) => q.documentZh);
  const documented = withDocument.filter((q) => d.documents.some((f) => f.questionKey === q.key)).length;
  const uploaded = (key: string | null) => {
    const files = d.documents.filter((f) => f.questionKey === key);
    return files.length ? (
      <ul className="mt-1 space-y-0.5 text-sm text-slate-700" aria-label={t("questionnaire.uploaded")}>
        {files.map((f) => (
          <li key={f.id}>
            ✓ {t("questionnaire.uploadedFile", { name: f.name, size: Math.max(1, Math.round(f.sizeBytes / 1024)) })}
          </li>
        ))}
      </ul>
    ) : null;
  };
  return (
    <div className="min-h-screen bg-slate-50">
      <main className="mx-auto max-w-3xl space-y-4 px-4 py-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="text-sm font-semibold text-brand-800">
              {en ? d.organization.nameEn || d.organization.nameZh : d.organization.nameZh || d.organization.nameEn}
            </p>
            <h1 className="text-2xl font-bold text-slate-900">{localized(d.questionnaire, "title", i18n.language)}</h1>
            <p className="mt-1 text-slate-600">
              {t("questionnaire.for", { partner: en ? d.partner.nameEn || d.partner.nameZh : d.partner.nameZh || d.partner.nameEn })}
            </p>
          </div>
          <Link
            to={`?lng=${other}`}
            {...prefetchTranslationsOn(other)}
            className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 ring-1 ring-slate-300"
          >
            {other === "en" ? "English" : "简体中文"}
          </Link>
        </div>
        {search.get("submitted") === "1" && d.state === "submitted" ? (
          <Alert tone="success" title={t("questionnaire.thanksTitle")}>
            {t("questionnaire.thanks")}
          </Alert>
        ) : d.state === "submitted" ? (
          <Alert tone="info">{t("questionnaire.closed.submitted")}</Alert>
        ) : d.state !== "open" ? (
          <Alert tone="error">{t(`questionnaire.closed.${d.state}`)}</Alert>
        ) : (
          <>
            {search.get("saved") === "1" ? <Alert tone="success">{t("questionnaire.saved")}</Alert> : null}
            {errors.form ? (
              <Alert tone="error">{errors.form}</Alert>
            ) : Object.keys(errors).length ? (
              <Alert tone="error">{t("questionnaire.fixBelow")}</Alert>
            ) : null}
            <Card>
              <p className="text-slate-700">{localized(d.questionnaire, "intro", i18n.language)}</p>
              <p className="mt-2 text-sm text-slate-500">
                {t("questionnaire.expires", { date: formatDateTime(d.expiresAt, en ? "en" : "zh-CN", d.timeZone) })}
              </p>
              <p className="mt-3 font-medium text-slate-800" data-testid="questionnaire-progress">
                {t("questionnaire.progress", { answered, total: questions.length, documented, documents: withDocument.length })}
              </p>
              {d.savedAt ? (
                <p className="text-sm text-slate-600">
                  {t("questionnaire.lastSaved", { date: formatDateTime(d.savedAt, en ? "en" : "zh-CN", d.timeZone) })}
                </p>
              ) : null}
              <p className="mt-1 text-sm text-slate-600">{t("questionnaire.partWay")}</p>
            </Card>
            <Form method="post" encType="multipart/form-data" noValidate className="space-y-4">
              <QuestionList
                questions={d.questionnaire.questions}
                answers={answers}
                errors={errors}
                reviewer={false}
                extra={(q) =>
                  q.documentZh ? (
                    <div className="mt-3">
                      <label className="block text-sm text-slate-700">
                        {t("questionnaire.document", { document: localized(q, "document", i18n.language) })}
                        <input type="file" name={`file_${q.key}`} accept={acceptAttribute} multiple className={`mt-1 ${fileInputClass}`} />
                        {errors[`file_${q.key}`] ? <span className="block font-medium text-red-700">{errors[`file_${q.key}`]}</span> : null}
                      </label>
                      {uploaded(q.key)}
                    </div>
                  ) : null
                }
              />
              <Card title={t("questionnaire.otherDocuments")}>
                <input type="file" name="file_general" accept={acceptAttribute} multiple className={fileInputClass} />
                <p className="mt-1 text-sm text-slate-500">{t("files.limitHint", { max: MAX_UPLOAD_MB, formats: allowedFormatsLabel })}</p>
                {errors.file_general ? <p className="text-sm font-medium text-red-700">{errors.file_general}</p> : null}
                {uploaded(null)}
              </Card>
              {/* Kept in view at the bottom of the screen: a partner on a phone can save part-way without scrolling to the end. */}
              <div className="sticky bottom-0 -mx-4 flex flex-wrap gap-2 border-t border-slate-200 bg-slate-50/95 px-4 py-3">
                <Button type="submit" name="intent" value="save" variant="secondary" disabled={navigation.state === "submitting"}>
                  {t("questionnaire.save")}
                </Button>
                <Button type="submit" name="intent" value="submit" disabled={navigation.state === "submitting"}>
                  {t("questionnaire.submit")}
                </Button>
              </div>
              <p className="text-sm text-slate-500">{t("questionnaire.submitHint")}</p>
            </Form>
          </>
        )}
      </main>
    </div>
  );
}
