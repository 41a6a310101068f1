// Guards on the request line and headers, run by server.ts before anything else reads a request:
//   - a Host header that is no host name is a 400 (it would otherwise fail as the app builds the
//     request's URL, a 500);
//   - a path or query holding a control character (%00 and the like, encoded or not) is a 400:
//     no address of the app contains one, and PostgreSQL refuses NUL in text;
//   - a state-changing request that says where it comes from (Origin, else Referer) must come from
//     this site: APP_URL's origin when the deployment names it (then the Host header, which a
//     client or a DNS-rebinding page chooses, plays no part), else the origin the request was sent
//     to (the embedded start on localhost). A foreign Origin is a 403 whatever Host says. This is the app's one cross-site check: Remix's own
//     (which compares Origin with Host or an X-Forwarded-Host from anyone, and throws a 500 when
//     they differ, even for an APP_URL behind a proxy) never sees the header (remix-handler.server.ts).
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function refuse(res: Response, status: number, zh: string, en: string) {
  res.status(status).type("text/plain; charset=utf-8").send(`${zh} / ${en}`);
}

/** A Host header value that names a host: a DNS name, IPv4 or [IPv6], with an optional port. */
export function isValidHost(value: string | undefined): boolean {
  if (!value || value.length > 255) return false;
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(:\d{1,5})?$/i.test(value)) return false;
  try {
    return new URL(`http://${value}`).host.length > 0;
  } catch {
    return false;
  }
}

/** True when the path or query carries a control character, raw or percent-encoded. */
export function hasControlCharacter(originalUrl: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u001f\u007f]|%(?:[01][0-9a-f]|7f)/i.test(originalUrl);
}

export function refuseMalformedRequests() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isValidHost(req.get("host"))) {
      req.log.info({ host: req.get("host") }, "request with a malformed Host refused");
      return refuse(res, 400, "请求的主机名无效", "Bad Host header");
    }
    if (hasControlCharacter(req.originalUrl)) {
      return refuse(res, 400, "地址中含有控制字符", "The address contains a control character");
    }
    next();
  };
}

/** The origin a Referer header names, "null" for one that is no URL. */
function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return "null";
  }
}

/**
 * CSRF: the session cookie is SameSite=Lax, and a state-changing request that says where it comes
 * from must come from this site. Browsers send Origin on every POST form submission.
 */
export function refuseCrossSitePosts(appUrl: string | undefined) {
  const configured = appUrl ? new URL(appUrl).origin : null;
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin") ?? refererOrigin(req.get("referer"));
    if (!origin) return next();
    const expected = configured ?? `${req.protocol}://${req.get("host") ?? ""}`;
    if (origin === expected) return next();
    req.log.warn({ origin, expected }, "cross-origin post refused");
    refuse(res, 403, "跨站请求被拒绝", "Cross-site request refused");
  };
}
