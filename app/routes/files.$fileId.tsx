import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { can } from "~/lib/auth/permissions";
import { getFile, readFileBytes } from "~/lib/evidence/file-store.server";
import { isPersonnelFile } from "~/lib/personnel/personnel-checks.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

// An evidence file, as uploaded: any member of the organisation may download it, except the scans
// of personnel records (personal data), which only roles that read the employee list may. The bytes are
// checked against their SHA-256 on every read, so a corrupted store is an error, never a wrong file.

/**
 * `attachment` with the original name: an ASCII fallback for old clients and the exact UTF-8 name
 * in filename* (RFC 6266 / RFC 5987), so 安全管理制度.pdf arrives as 安全管理制度.pdf.
 */
function contentDisposition(name: string): string {
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const stem = (dot > 0 ? name.slice(0, dot) : name).replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  const fallback = /[^_\s]/.test(stem) ? `${stem}${extension}` : `file${extension}`;
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dashboard.read");
  const file = await getFile(auth.db, auth.organization.id, uuidParam(params, "fileId"));
  if (!file) notFound();
  // A personnel record's scan is personal data: as if it did not exist for roles without the employee list.
  if (!can(auth.membership.role, "personnel.read") && (await isPersonnelFile(auth.db, auth.organization.id, file.id))) notFound();
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    ETag: etag,
    // Private to the organisation; the browser may keep it but must ask again (the ETag answers).
    "Cache-Control": "private, no-cache",
    "X-Content-Type-Options": "nosniff",
  });
  if (
    request.headers
      .get("If-None-Match")
      ?.split(/\s*,\s*/)
      .includes(etag)
  ) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = await readFileBytes(file);
  headers.set("Content-Type", file.mediaType);
  headers.set("Content-Length", String(bytes.byteLength));
  headers.set("Content-Disposition", contentDisposition(file.originalName));
  return new Response(new Uint8Array(bytes), { status: 200, headers });
}
