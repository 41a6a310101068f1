import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { getFile } from "~/lib/evidence/file-store.server";
import { THUMBNAIL_SIZES, thumbnailFor, type ThumbnailSize } from "~/lib/evidence/thumbnails.server";
import { isPersonnelFile } from "~/lib/personnel/personnel-checks.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

// An upright preview of a photo (?size=320 or 960), for lists and the inspection pages. The
// download at /files/:fileId stays the untouched original.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dashboard.read");
  const file = await getFile(auth.db, auth.organization.id, uuidParam(params, "fileId"));
  if (!file || !file.mediaType.startsWith("image/")) notFound();
  // A personnel record's scan is personal data: as if it did not exist for roles without the employee list.
  if (!can(auth.membership.role, "personnel.read") && (await isPersonnelFile(auth.db, auth.organization.id, file.id))) notFound();
  const requested = Number(new URL(request.url).searchParams.get("size") ?? 320);
  const size: ThumbnailSize = (THUMBNAIL_SIZES as readonly number[]).includes(requested) ? (requested as ThumbnailSize) : 320;
  const etag = `"${file.sha256}-${size}"`;
  const headers = new Headers({ ETag: etag, "Cache-Control": "private, max-age=86400", "X-Content-Type-Options": "nosniff" });
  if (
    request.headers
      .get("If-None-Match")
      ?.split(/\s*,\s*/)
      .includes(etag)
  )
    return new Response(null, { status: 304, headers });
  const bytes = await thumbnailFor(file, size);
  headers.set("Content-Type", "image/jpeg");
  headers.set("Content-Length", String(bytes.byteLength));
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
