import type { LoaderFunctionArgs } from "@remix-run/node";
import { requirePermission } from "~/lib/auth/auth.server";
import { readDossierVolume } from "~/lib/dossiers/dossiers.server";
import { notFound, uuidParam } from "~/lib/route-params.server";

// /dossiers/:id.pdf?volume=n (default 1): the stored dossier volume, byte for byte (its SHA-256 is on the page).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requirePermission(request, "dossiers.read");
  const volume = Number(new URL(request.url).searchParams.get("volume") ?? "1");
  if (!Number.isInteger(volume) || volume < 1 || volume > 99) notFound();
  const file = await readDossierVolume(auth.db, auth.organization.id, uuidParam(params, "dossierId"), volume);
  if (!file) notFound();
  // The stored Buffer as it is: a volume can be hundreds of MB, not worth a copy per download.
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.reference}-${volume}.pdf"`,
      "Content-Length": String(file.bytes.byteLength),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
