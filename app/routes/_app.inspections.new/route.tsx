import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/lib/auth/auth.server";
import { localDateTimeInZone } from "~/lib/i18n/format";
import { titleFor } from "~/lib/i18n/meta";
import {
  discardDraft,
  draftFormValues,
  findInspectionByDraftKey,
  listDraftPhotos,
  removeDraftPhoto,
  saveDraft,
} from "~/lib/inspections/inspection-drafts.server";
import { submitInspection } from "~/lib/inspections/inspection-submission.server";
import { readInspectionPost } from "~/lib/inspections/inspection-post.server";
import { getCurrentTemplate, getTemplateVersion } from "~/lib/inspections/templates.server";
import { listSites } from "~/lib/organizations/organizations.server";
import { notFound } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";
import { InspectionForm } from "./inspection-form";
import type { PageHandle } from "~/root";

export const handle = { i18n: ["organizations", "criteria", "inspections"] } satisfies PageHandle;

// /inspections/new?template=<code>&draft=<key>: the phone form. The draft key is chosen before the
// first byte is typed (a GET without one is sent to an address with a fresh one), so a reload, a
// saved draft and a retried submit all name the same inspection.

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  titleFor(matches, (t, locale) => (data ? (locale === "en" ? data.template.titleEn : data.template.titleZh) : t("inspections.title")));

async function templateFor(db: Parameters<typeof getCurrentTemplate>[0], orgId: string, code: string, draftTemplateId: string | null) {
  // A draft keeps the template version it was started on, even if a newer one appeared since.
  if (draftTemplateId) return getTemplateVersion(db, orgId, draftTemplateId);
  return getCurrentTemplate(db, orgId, code);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.record");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const code = url.searchParams.get("template") ?? "";
  if (!code) throw redirect("/inspections");
  const draftKey = url.searchParams.get("draft");
  if (!isUuid(draftKey)) {
    url.searchParams.set("draft", randomUUID());
    throw redirect(`${url.pathname}${url.search}`);
  }
  const existing = await findInspectionByDraftKey(auth.db, orgId, draftKey);
  if (existing?.status === "submitted") throw redirect(`/inspections/${existing.id}`);
  if (existing && existing.inspectorUserId !== auth.user.id) notFound();
  const template = await templateFor(auth.db, orgId, code, existing?.templateId ?? null);
  if (!template || template.code !== code) notFound();
  const sites = await listSites(auth.db, orgId);
  const requestedSite = url.searchParams.get("site");
  const defaults: Record<string, string> = {
    occurredAt: localDateTimeInZone(new Date(), auth.organization.timeZone),
    siteId: sites.find((s) => s.id === requestedSite)?.id ?? (sites.length === 1 ? (sites[0]?.id ?? "") : ""),
  };
  const photos = existing ? await listDraftPhotos(auth.db, orgId, existing.id) : [];
  return {
    draftKey,
    draftExists: Boolean(existing),
    draftSavedAt: existing?.updatedAt ?? null,
    template: {
      id: template.id,
      code: template.code,
      version: template.version,
      titleZh: template.titleZh,
      titleEn: template.titleEn,
      descriptionZh: template.descriptionZh,
      descriptionEn: template.descriptionEn,
      definition: template.definition,
    },
    values: { ...defaults, ...(existing ? draftFormValues(existing, auth.organization.timeZone) : {}) },
    photos,
    sites: sites.map((s) => ({ id: s.id, nameZh: s.nameZh, nameEn: s.nameEn })),
    inspectorName: auth.user.name,
    saved: url.searchParams.get("saved") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "inspections.record");
  const orgId = auth.organization.id;
  const url = new URL(request.url);
  const draftKey = url.searchParams.get("draft");
  const code = url.searchParams.get("template") ?? "";
  if (!isUuid(draftKey)) notFound();
  const existing = await findInspectionByDraftKey(auth.db, orgId, draftKey);
  if (existing && existing.inspectorUserId !== auth.user.id) notFound();
  if (existing?.status === "submitted") throw redirect(`/inspections/${existing.id}`);
  const template = await templateFor(auth.db, orgId, code, existing?.templateId ?? null);
  if (!template || template.code !== code) notFound();
  const actor = auth.actor;
  const post = await readInspectionPost(request);
  const refuse = (errors: Record<string, string>) => data({ intent: post.intent, errors, values: post.values }, { status: 400 });
  if (post.errors.form) return refuse(post.errors);
  const here = `/inspections/new?template=${encodeURIComponent(code)}&draft=${draftKey}`;
  const input = { draftKey, templateId: template.id, values: post.values, photos: post.photos };

  if (post.intent === "discard") {
    await discardDraft(auth.db, actor, draftKey);
    throw redirect("/inspections?discarded=1");
  }
  const removePhoto = post.values.removePhoto;
  if (typeof removePhoto === "string" && isUuid(removePhoto)) {
    // What was typed meanwhile is kept too: removing a photo must not lose the rest of the form.
    const saved = await saveDraft(auth.db, actor, input);
    if (saved && !saved.ok) return refuse(saved.errors);
    await removeDraftPhoto(auth.db, actor, draftKey, removePhoto);
    throw redirect(here);
  }
  if (post.intent === "submit" && !Object.keys(post.errors).length) {
    const submitted = await submitInspection(auth.db, { ...actor, timeZone: auth.organization.timeZone }, input);
    if (!submitted) notFound();
    if (!submitted.ok) return refuse(submitted.errors);
    throw redirect(`/inspections/${submitted.id}?submitted=1`);
  }
  // Saving, or a submit with a refused photo (too large, not a photo): the person must see that
  // before the record is made. The draft keeps what was typed and the photos that were accepted.
  const saved = await saveDraft(auth.db, actor, input);
  if (!saved) notFound();
  if (!saved.ok) return refuse({ ...post.errors, ...saved.errors });
  if (Object.keys(post.errors).length) return refuse(post.errors);
  throw redirect(`${here}&saved=1`);
}

export default function NewInspectionPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return <InspectionForm key={loaderData.draftKey} data={loaderData} server={actionData ?? null} />;
}

export type NewInspectionData = ReturnType<typeof useLoaderData<typeof loader>>;
