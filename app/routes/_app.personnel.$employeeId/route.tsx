import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Alert } from "~/components/ui/alert";
import { PageHeader } from "~/components/ui/card";
import { BackLink } from "~/components/ui/back-link";
import { requirePermission } from "~/lib/auth/auth.server";
import { can, type Permission } from "~/lib/auth/permissions";
import { listItemsHeldBy } from "~/lib/badges/badges.server";
import { checkUpload, readUploadForm } from "~/lib/evidence/file-store.server";
import { formDataToObject, parseForm, parseIntent } from "~/lib/form.server";
import { todayInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import { listSites } from "~/lib/organizations/organizations.server";
import { employeeRights, employeeView } from "~/lib/personnel/employee-view.server";
import {
  BackgroundCheckSchema,
  ConductSchema,
  EmployeeSchema,
  ExitSchema,
  OffboardingItemSchema,
  PrehireCheckSchema,
} from "~/lib/personnel/personnel-schema";
import { addBackgroundCheck, addConductAcknowledgement, addPrehireCheck, employeeRecords } from "~/lib/personnel/personnel-checks.server";
import { revealIdNumber, setLeaveDate, updateEmployee } from "~/lib/personnel/personnel-employees.server";
import { completeOffboardingItem, getOffboarding, linkedMembership } from "~/lib/personnel/personnel-offboarding.server";
import { getEmployee, listMemberAccounts } from "~/lib/personnel/personnel-queries.server";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { BackgroundCard } from "./background-card";
import { ConductCard } from "./conduct-card";
import { DetailsCard } from "./details-card";
import { EditCard } from "./edit-card";
import { ExitCard } from "./exit-card";
import { intents, type Intent, type ServerState } from "./forms";
import { PrehireCard } from "./prehire-card";
import type { PageHandle } from "~/root";
import { intentOf } from "~/lib/intent";

export const handle = { i18n: ["organizations", "criteria", "inspections", "badges", "personnel"] } satisfies PageHandle;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t) => (data ? `${data.employee.reference} · ${data.employee.name}` : t("personnel.title")));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const orgId = auth.organization.id;
  const employeeId = uuidParam(params, "employeeId");
  const e = await getEmployee(auth.db, orgId, employeeId);
  if (!e) notFound();
  const role = auth.membership.role;
  const { canManage } = employeeRights(role);
  const today = todayInZone(auth.organization.timeZone);
  const [records, offboarding, held, member, sites, members] = await Promise.all([
    employeeRecords(auth.db, orgId, employeeId),
    getOffboarding(auth.db, orgId, employeeId),
    listItemsHeldBy(auth.db, { orgId, employeeId }),
    linkedMembership(auth.db, orgId, e.userId),
    canManage ? listSites(auth.db, orgId) : Promise.resolve([]),
    canManage ? listMemberAccounts(auth.db, orgId) : Promise.resolve([]),
  ]);
  const site =
    sites.find((s) => s.id === e.siteId) ?? (e.siteId ? (await listSites(auth.db, orgId)).find((s) => s.id === e.siteId) : undefined);
  return employeeView({ employee: e, site, records, offboarding, held, member, sites, members }, role, today, auth.organization.timeZone);
}

const permissionOf = {
  update: "personnel.manage",
  reveal: "personnel.identity",
  exit: "personnel.manage",
  item: "personnel.offboard",
  prehire: "personnel.manage",
  background: "personnel.manage",
  conduct: "personnel.manage",
} as const satisfies Record<Intent, Permission>;

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "personnel.read");
  const employeeId = uuidParam(params, "employeeId");
  // Another organisation's employee is a 404 before its form is read, whatever was posted.
  if (!(await getEmployee(auth.db, auth.organization.id, employeeId))) notFound();
  const form = await readUploadForm(request);
  // A body refused for its size may still say which form it came from, so the error lands there.
  const posted: Intent | null = intentOf(form.formData, intents);
  const refuse = (errors: Record<string, string>, values: Record<string, string | string[]> = {}) =>
    data({ intent: posted, errors, values, revealed: null }, { status: 400 });
  if (!form.ok) return refuse(form.errors, form.values);
  const intent = parseIntent(form.formData, intents);
  await requirePermission(request, permissionOf[intent]);
  const formData = form.formData;
  const values = formDataToObject(formData);
  const actor = auth.actor;
  const today = todayInZone(auth.organization.timeZone);
  const here = `/personnel/${employeeId}`;
  const withFile = async <T,>(
    parsed: ReturnType<typeof parseForm<never>> | { ok: true; data: T } | { ok: false; errors: Record<string, string> },
  ) => {
    const upload = await checkUpload(formData.get("file"), { required: false });
    if (!parsed.ok || !upload.ok) return { errors: { ...(parsed.ok ? {} : parsed.errors), ...(upload.ok ? {} : { file: upload.error }) } };
    return { file: upload.file };
  };

  switch (intent) {
    case "reveal": {
      const shown = await revealIdNumber(auth.db, actor, employeeId);
      if (!shown) notFound();
      // The answer holds the full number: no cache (shared or the browser's) may keep it.
      return data({ intent, errors: {}, values: {}, revealed: shown.idNumber }, { headers: { "Cache-Control": "no-store" } });
    }
    case "update": {
      const parsed = parseForm(formData, EmployeeSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const updated = await updateEmployee(auth.db, actor, employeeId, parsed.data);
      if (!updated) notFound();
      if (!updated.ok) return refuse(updated.errors, values);
      return redirect(`${here}?saved=1`);
    }
    case "exit": {
      const parsed = parseForm(formData, ExitSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const set = await setLeaveDate(auth.db, actor, employeeId, parsed.data.leaveDate);
      if (!set) notFound();
      if (!set.ok) return refuse(set.errors, values);
      return redirect(`${here}#exit`);
    }
    case "item": {
      const parsed = parseForm(formData, OffboardingItemSchema);
      if (!parsed.ok) return refuse(parsed.errors, parsed.values);
      const done = await completeOffboardingItem(
        auth.db,
        { ...actor, role: auth.membership.role, canManageMembers: can(auth.membership.role, "members.manage") },
        employeeId,
        parsed.data,
      );
      if (!done) notFound();
      if (!done.ok) return refuse(done.errors, values);
      return redirect(`${here}${done.done ? "?exitDone=1" : ""}#exit`);
    }
    case "prehire": {
      const parsed = parseForm(formData, PrehireCheckSchema);
      const checked = await withFile(parsed);
      if (!parsed.ok || "errors" in checked) return refuse("errors" in checked ? checked.errors : {}, values);
      const added = await addPrehireCheck(auth.db, actor, employeeId, parsed.data, checked.file, today);
      if (!added) notFound();
      if (!added.ok) return refuse(added.errors, values);
      return redirect(`${here}#prehire`);
    }
    case "background": {
      const parsed = parseForm(formData, BackgroundCheckSchema);
      const checked = await withFile(parsed);
      if (!parsed.ok || "errors" in checked) return refuse("errors" in checked ? checked.errors : {}, values);
      const added = await addBackgroundCheck(auth.db, actor, employeeId, parsed.data, checked.file, today);
      if (!added) notFound();
      if (!added.ok) return refuse(added.errors, values);
      return redirect(`${here}#background`);
    }
    case "conduct": {
      const parsed = parseForm(formData, ConductSchema);
      const checked = await withFile(parsed);
      if (!parsed.ok || "errors" in checked) return refuse("errors" in checked ? checked.errors : {}, values);
      const added = await addConductAcknowledgement(auth.db, actor, employeeId, parsed.data, checked.file, today);
      if (!added) notFound();
      if (!added.ok) return refuse(added.errors, values);
      return redirect(`${here}#conduct`);
    }
  }
}

export default function EmployeePage() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerState;
  const [params] = useSearchParams();
  const e = d.employee;
  return (
    <>
      <PageHeader
        title={
          <>
            <span className="mr-2 font-mono text-lg text-slate-600">{e.reference}</span>
            {e.name}
          </>
        }
        description={`${e.position}${e.department ? ` · ${e.department}` : ""}`}
        actions={
          <BackLink to="/personnel">{t("personnel.backToList")}</BackLink>
        }
      />
      <div className="space-y-4">
        {params.get("created") ? <Alert tone="success">{t("personnel.created")}</Alert> : null}
        {params.get("saved") ? <Alert tone="success">{t("personnel.saved")}</Alert> : null}
        {params.get("exitDone") ? <Alert tone="success">{t("personnel.offboarding.allDone")}</Alert> : null}
        <DetailsCard d={d} server={server} />
        <ExitCard d={d} server={server} />
        <PrehireCard d={d} server={server} />
        <BackgroundCard d={d} server={server} />
        <ConductCard d={d} server={server} />
        {d.canManage ? <EditCard d={d} server={server} /> : null}
      </div>
    </>
  );
}
