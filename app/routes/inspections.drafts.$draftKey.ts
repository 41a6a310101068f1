import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import {
  addDraftPhotos,
  discardDraft,
  draftFormValues,
  findInspectionByDraftKey,
  listDraftPhotos,
  removeDraftPhoto,
  saveDraft,
  type DraftPhoto,
} from "~/lib/inspections/inspection-drafts.server";
import { submitInspection } from "~/lib/inspections/inspection-submission.server";
import { readInspectionPost } from "~/lib/inspections/inspection-post.server";
import { message } from "~/lib/i18n/messages";
import { notFound, uuidParam } from "~/lib/route-params.server";
import { isUuid } from "~/lib/value-checks";

// The phone's side door to an inspection draft, answering JSON: each photo is uploaded on its own
// as soon as it is taken, typed values are saved in the background, and the submit reports a lost
// connection to the page instead of replacing it. The plain form at /inspections/new does the same
// through the same commands, for browsers without JavaScript.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function photoJson(photo: DraftPhoto) {
  return { id: photo.id, itemKey: photo.itemKey, fileId: photo.fileId, sha256: photo.sha256, sizeBytes: photo.sizeBytes, name: photo.name };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "inspections.record");
  const draftKey = uuidParam(params, "draftKey");
  const inspection = await findInspectionByDraftKey(auth.db, auth.organization.id, draftKey);
  if (!inspection || inspection.inspectorUserId !== auth.user.id) notFound();
  if (inspection.status === "submitted") return json({ status: "submitted", id: inspection.id });
  const photos = await listDraftPhotos(auth.db, auth.organization.id, inspection.id);
  return json({
    status: "draft",
    templateId: inspection.templateId,
    values: draftFormValues(inspection, auth.organization.timeZone),
    updatedAt: inspection.updatedAt,
    photos: photos.map(photoJson),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requirePermission(request, "inspections.record");
  const draftKey = uuidParam(params, "draftKey");
  const actor = auth.actor;
  // Someone else's draft, or another organisation's, is not there for this person.
  const existing = await findInspectionByDraftKey(auth.db, actor.organizationId, draftKey);
  if (existing && existing.inspectorUserId !== auth.user.id) notFound();
  const post = await readInspectionPost(request);
  if (post.errors.form) return json({ ok: false, errors: post.errors }, 400);

  if (post.intent === "discard") {
    await discardDraft(auth.db, actor, draftKey);
    return json({ ok: true });
  }
  if (post.intent === "removePhoto") {
    const photoId = post.values.photoId;
    if (!existing || !isUuid(photoId)) notFound();
    if (!(await removeDraftPhoto(auth.db, actor, draftKey, photoId))) notFound();
    return json({ ok: true });
  }
  const templateId = post.templateId ?? existing?.templateId ?? null;
  if (!templateId) return json({ ok: false, errors: { form: message("errors.invalid") } }, 400);
  const input = { draftKey, templateId, values: post.values, photos: post.photos };

  if (post.intent === "photo") {
    if (Object.keys(post.errors).length) return json({ ok: false, errors: post.errors }, 400);
    if (!post.photos.length) return json({ ok: false, errors: { form: message("files.required") } }, 400);
    const saved = await addDraftPhotos(auth.db, actor, input);
    if (!saved) notFound();
    if (!saved.ok) return json({ ok: false, errors: saved.errors }, 400);
    if ("submittedId" in saved)
      return json({ ok: false, submittedId: saved.submittedId, errors: { form: message("inspections.alreadySubmitted") } }, 409);
    const added = saved.photos.filter((p) => post.photos.some((n) => n.itemKey === p.itemKey && n.file.sha256 === p.sha256));
    return json({ ok: true, photos: added.map(photoJson) });
  }
  if (post.intent === "save") {
    const saved = await saveDraft(auth.db, actor, input);
    if (!saved) notFound();
    if (!saved.ok) return json({ ok: false, errors: saved.errors }, 400);
    if ("submittedId" in saved) return json({ ok: true, submittedId: saved.submittedId });
    return json({ ok: true, savedAt: saved.inspection.updatedAt });
  }
  if (post.intent === "submit") {
    if (Object.keys(post.errors).length) return json({ ok: false, errors: post.errors }, 400);
    const submitted = await submitInspection(auth.db, { ...actor, timeZone: auth.organization.timeZone }, input);
    if (!submitted) notFound();
    if (!submitted.ok) return json({ ok: false, errors: submitted.errors }, 400);
    return json({
      ok: true,
      id: submitted.id,
      alreadySubmitted: submitted.alreadySubmitted,
      url: `/inspections/${submitted.id}?submitted=1`,
    });
  }
  return json({ ok: false, errors: { form: message("errors.invalid") } }, 400);
}
