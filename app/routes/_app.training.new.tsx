import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { useValidatedForm } from "~/components/form/use-validated-form";
import { SessionFields } from "~/components/training/training-parts";
import { Alert } from "~/components/ui/alert";
import { Button, buttonClass } from "~/components/ui/button";
import { Card, PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { formDataToObject } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { readSessionPost } from "~/lib/training/training-post.server";
import { sessionCategories } from "~/lib/training/training-rules";
import { DrillFormSchema, SessionFormSchema } from "~/lib/training/training-schema";
import { createSession } from "~/lib/training/training-sessions.server";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "training"] } satisfies PageHandle;

// /training/new records a session; /training/new?kind=drill a crisis drill (scenario, observations,
// lessons learned). Attendees are added on the session's page right after.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => t(data?.kind === "drill" ? "training.newDrill" : "training.newSession"));

function kindOf(request: Request): "session" | "drill" {
  return new URL(request.url).searchParams.get("kind") === "drill" ? "drill" : "session";
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.manage");
  const category = new URL(request.url).searchParams.get("category");
  const sites = await listSites(auth.db, auth.organization.id);
  return {
    kind: kindOf(request),
    today: todayInZone(auth.organization.timeZone),
    // A link may preset the category (the dashboard's "record a customs-law training").
    category: (sessionCategories as readonly string[]).includes(category ?? "") ? category : null,
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "training.manage");
  const kind = kindOf(request);
  const post = await readSessionPost(request, kind);
  if (!post.ok) return data({ errors: post.errors, values: post.values }, { status: 400 });
  const actor = auth.actor;
  const result = await createSession(auth.db, actor, post.input, post.files, auth.organization.timeZone);
  if (!result.ok) return data({ errors: result.errors, values: formDataToObject(post.formData) }, { status: 400 });
  return redirect(`/training/${result.id}?created=1`);
}

export default function NewTrainingPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const navigation = useNavigation();
  const drill = d.kind === "drill";
  const { form, values, errorOf, onSubmit, rejected, formError } = useValidatedForm(drill ? DrillFormSchema : SessionFormSchema, {
    defaults: { heldOn: d.today, ...(d.category ? { category: d.category } : {}) },
    server,
  });
  const refused = Object.values(server?.errors ?? {}).some(Boolean);
  return (
    <>
      <PageHeader
        title={t(drill ? "training.newDrill" : "training.newSession")}
        description={t(drill ? "training.newDrillDescription" : "training.newSessionDescription")}
        actions={
          <Link to={drill ? "/training/drills" : "/training"} className={buttonClass("secondary")}>
            {t("training.backToList")}
          </Link>
        }
      />
      <Card>
        <Form method="post" encType="multipart/form-data" noValidate onSubmit={onSubmit} className="space-y-4">
          {rejected ? <Alert tone="error">{formError ?? t("errors.fixBelow")}</Alert> : null}
          <SessionFields kind={d.kind} form={form} values={values} errorOf={errorOf} sites={d.sites} materials refused={refused} />
          <Button type="submit" className="min-h-14 w-full text-lg sm:w-auto" disabled={navigation.state === "submitting"}>
            {t(drill ? "training.createDrill" : "training.createSession")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
