import type { LoaderFunctionArgs } from "@remix-run/node";
import { clientAddress } from "~/lib/auth/auth.server";
import { getDb } from "~/lib/db.server";
import { shareMissRefusal } from "~/lib/dossiers/dossier-share-misses.server";
import { logAccess, readShareCopy, resolveShare } from "~/lib/dossiers/dossier-shares.server";
import { shareResponseHeaders } from "~/lib/dossiers/share-headers";

// /share/:token/:volume.pdf: the watermarked copy of one volume, never the original. The volume is
// looked up among this share's copies only. Every download, allowed or refused, is logged; links
// that open nothing are limited per address (dossier-share-misses.server.ts): then 429.

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...shareResponseHeaders, "Content-Type": "text/plain; charset=utf-8" } });
}

const notFoundText = "未找到 / Not found";
const goneText = {
  expired: "此分享链接已过期 / This share link has expired",
  revoked: "此分享链接已被撤销 / This share link was revoked",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb();
  const found = await resolveShare(db, params.token ?? "");
  const access = { ipAddress: clientAddress(request), userAgent: request.headers.get("User-Agent") };
  // A link that opens nothing counts against the address; past the limit, nothing more is logged.
  const wait = found?.state === "active" ? null : await shareMissRefusal(db, access.ipAddress);
  if (wait !== null) {
    const answer = plain(429, `尝试次数过多，请 ${wait} 分钟后再试 / Too many attempts: try again in ${wait} min`);
    answer.headers.set("Retry-After", String(wait * 60));
    return answer;
  }
  if (!found) return plain(404, notFoundText);
  const raw = params.volume ?? "";
  const volume = /^[1-9]\d{0,1}$/.test(raw) ? Number(raw) : null;
  if (found.state !== "active") {
    await logAccess(db, found.share, access, { action: "download", volume, outcome: found.state });
    return plain(410, goneText[found.state]);
  }
  const file = volume === null ? null : await readShareCopy(found, volume);
  if (!file || volume === null) return plain(404, notFoundText);
  await logAccess(db, found.share, access, { action: "download", volume, outcome: "allowed" });
  // The stored Buffer as it is: a volume can be hundreds of MB, not worth a copy per download.
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      ...shareResponseHeaders,
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${found.dossier.reference}-${volume}-shared.pdf"`,
      "Content-Length": String(file.bytes.byteLength),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
