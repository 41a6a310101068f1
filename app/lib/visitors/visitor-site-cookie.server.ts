import { isUuid } from "../value-checks";

// The gatehouse phone remembers its site: a guard at gate 2 signs in every visitor at gate 2, so the
// site chosen last is chosen again (a plain cookie, scoped to /visitors; it names a site id only).

const NAME = "tg_visitor_site";

export function rememberedSite(request: Request): string | null {
  const header = request.headers.get("Cookie") ?? "";
  const match = new RegExp(`(?:^|;\\s*)${NAME}=([^;]+)`).exec(header);
  const value = match?.[1] ? decodeURIComponent(match[1]) : null;
  return isUuid(value) ? value : null;
}

export function rememberSiteCookie(siteId: string): string {
  return `${NAME}=${encodeURIComponent(siteId)}; Path=/visitors; Max-Age=31536000; SameSite=Lax; HttpOnly`;
}
