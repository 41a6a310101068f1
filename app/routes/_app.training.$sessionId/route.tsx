import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { CategoryBadge } from "~/components/training/training-parts";
import { Alert } from "~/components/ui/alert";
import { buttonClass } from "~/components/ui/button";
import { PageHeader } from "~/components/ui/card";
import { requirePermission } from "~/lib/auth/auth.server";
import { readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm, parseIntent } from "~/lib/form.server";
import { message } from "~/lib/i18n/messages";
import { titleFor } from "~/lib/i18n/meta";
import { criterionLabels } from "~/lib/inspections/templates.server";
import { listSites } from "~/lib/organizations/organizations.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { sessionRights, sessionView } from "~/lib/training/session-view.server";
import { parseAttendeeFilter } from "~/lib/training/training-filter";
import { checkMaterials, parseSessionForm } from "~/lib/training/training-post.server";
import { sessionCriteria } from "~/lib/training/training-rules";
import { AttendSchema, TestResultSchema, UnattendSchema } from "~/lib/training/training-schema";
import { addAttendance, removeAttendance, setTestResult } from "~/lib/training/training-attendance.server";
import { attendeeCandidates, employeeDepartments, getSession } from "~/lib/training/training-queries.server";
import { addMaterials, deleteSession, updateSession } from "~/lib/training/training-sessions.server";
import { AttendanceCard } from "./attendance-card";
import { CorrectCard } from "./correct-card";
import { DetailsCard } from "./details-card";
import { serverFor, type ActionData } from "./forms";
import { MaterialsCard } from "./materials-card";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["criteria", "inspections", "personnel", "training"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.session.reference} ${data.session.topic}` : t("training.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "training.read");
  const sessionId = uuidParam(params, "sessionId");
  const orgId = auth.organization.id;
  const found = await getSession(auth.db, orgId, sessionId);
  if (!found) notFound();
  const { session } = found;
  const role = auth.membership.role;
  const { canManage } = sessionRights(role);
  const picker = parseAttendeeFilter(new URL(request.url).searchParams);
  const [labels, sites, candidates, departments] = await Promise.all([
    criterionLabels(auth.db, sessionCriteria(session.category, session.testGiven)),
    listSites(auth.db, orgId),
    canManage ? attendeeCandidates(auth.db, orgId, session.id, session.heldOn, picker) : Promise.resolve({ rows: [], more: false }),
    canManage ? employeeDepartments(auth.db, orgId) : Promise.resolve([]),
  ]);
  return sessionView({ found, labels, sites, candidates, departments }, role, auth.organization.timeZone, picker);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "training.manage");
  const sessionId = uuidParam(params, "sessionId");
  const actor = auth.actor;
  const form = await readUploadForm(request);
  if (!form.ok) return data({ intent: "form", errors: form.errors, values: form.values }, { status: 400 });
  const formData = form.formData;
  const intent = parseIntent(formData, ["details", "attend", "unattend", "result", "delete", "materials"]);
  const url = new URL(request.url);
  const back = (notice: string) => {
    const next = new URLSearchParams(url.search);
    next.delete("created");
    next.set("done", notice);
    return redirect(`/training/${sessionId}?${next.toString()}`);
  };
  const refusedWith = (errors: Record<string, string>) => data({ intent, errors, values: formDataToObject(formData) }, { status: 400 });

  if (intent === "details") {
    const found = await getSession(auth.db, auth.organization.id, sessionId);
    if (!found) notFound();
    const post = await parseSessionForm(formData, found.session.category === "crisis_drill" ? "drill" : "session");
    if (!post.ok) return refusedWith(post.errors);
    const result = await updateSession(auth.db, actor, sessionId, post.input, auth.organization.timeZone);
    if (!result) notFound();
    if (!result.ok) return refusedWith(result.errors);
    return back("details");
  }
  if (intent === "attend") {
    const parsed = parseForm(formData, AttendSchema);
    if (!parsed.ok) return refusedWith(parsed.errors);
    const result = await addAttendance(auth.db, actor, sessionId, parsed.data.employeeIds);
    if (!result) notFound();
    if (!result.ok) return refusedWith(result.errors);
    return back(`added-${result.added}`);
  }
  if (intent === "unattend") {
    const parsed = parseForm(formData, UnattendSchema);
    if (!parsed.ok) notFound();
    const result = await removeAttendance(auth.db, actor, sessionId, parsed.data.attendanceId);
    if (!result) notFound();
    return back("removed");
  }
  if (intent === "result") {
    const parsed = parseForm(formData, TestResultSchema);
    if (!parsed.ok) return refusedWith(parsed.errors);
    const passed = parsed.data.passed === "unknown" ? null : parsed.data.passed === "yes";
    const result = await setTestResult(auth.db, actor, sessionId, parsed.data.attendanceId, passed);
    if (!result) notFound();
    if (!result.ok) return refusedWith(result.errors);
    return back("result");
  }
  if (intent === "delete") {
    const result = await deleteSession(auth.db, actor, sessionId);
    if (!result) notFound();
    return redirect(result.drill ? "/training/drills?deleted=1" : "/training?deleted=1");
  }
  // intent is "materials": parseIntent refused anything else.
  const materials = await checkMaterials(formData.getAll("materials"));
  if (!materials.ok) return refusedWith({ materials: materials.error });
  if (!materials.files.length) return refusedWith({ materials: message("files.required") });
  const result = await addMaterials(auth.db, actor, sessionId, materials.files);
  if (!result) notFound();
  return back("materials");
}

export default function TrainingSessionPage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ActionData;
  const [params] = useSearchParams();
  const s = d.session;
  const done = params.get("done");
  const added = done?.startsWith("added-") ? Number(done.slice(6)) : null;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-slate-500">{s.reference}</span>
            {s.topic}
          </>
        }
        description={<CategoryBadge category={s.category} />}
        actions={
          <Link to={s.drill ? "/training/drills" : "/training"} className={buttonClass("secondary")}>
            {t("training.backToList")}
          </Link>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t(s.drill ? "training.createdDrill" : "training.created")}</Alert> : null}
        {added !== null ? <Alert tone="success">{t("training.attendance.added", { count: added })}</Alert> : null}
        {done === "removed" ? <Alert tone="success">{t("training.attendance.removed")}</Alert> : null}
        {done === "details" || done === "materials" || done === "result" ? <Alert tone="success">{t("common.saved")}</Alert> : null}

        <DetailsCard d={d} />

        <AttendanceCard d={d} server={serverFor(server, "attend")} />

        <MaterialsCard d={d} server={server} />

        {d.canManage ? <CorrectCard d={d} server={server} /> : null}
      </div>
    </>
  );
}
