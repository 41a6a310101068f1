import { env } from "./env.server";

/** Base URL for links in emails: APP_URL when set, else the address this request came in on. */
export function appBaseUrl(request: Request): string {
  return (env().APP_URL ?? new URL(request.url).origin).replace(/\/$/, "");
}
