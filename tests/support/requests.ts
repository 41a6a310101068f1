// Calling route loaders and actions directly, the way Remix would, and reading what they answer.
// Under single fetch an action gives a plain object, a DataWithResponseInit (data(..., {status}))
// or a Response (redirect); guards throw a redirect Response or a DataWithResponseInit (403/404).
// `settle` folds all of these into one Outcome so tests assert status, data and headers alike.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

export const ORIGIN = "http://localhost:3000";

/** A File (a Blob with a name) is posted as a file part, the way a browser sends an upload. */
export type FieldValue = string | number | boolean | null | undefined | readonly string[] | Blob;
export type Fields = Record<string, FieldValue>;

export function toFormData(fields: Fields = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value as readonly string[]) form.append(key, item);
    else if (value instanceof Blob) form.append(key, value);
    else form.append(key, String(value));
  }
  return form;
}

export interface RequestOptions {
  cookie?: string | null;
  headers?: Record<string, string>;
}

export function getRequest(pathAndQuery: string, options: RequestOptions = {}): Request {
  return new Request(`${ORIGIN}${pathAndQuery}`, { method: "GET", headers: requestHeaders(options) });
}

export function postRequest(pathAndQuery: string, fields: Fields | FormData = {}, options: RequestOptions = {}): Request {
  const body = fields instanceof FormData ? fields : toFormData(fields);
  return new Request(`${ORIGIN}${pathAndQuery}`, { method: "POST", body, headers: requestHeaders(options) });
}

function requestHeaders(options: RequestOptions): Headers {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  return headers;
}

export interface Outcome<T = unknown> {
  status: number;
  /** The body for data answers (plain object or data()); for a Response, its parsed JSON if any. */
  data: T;
  /** Redirect target, if the answer is a redirect. */
  location: string | null;
  /** The Set-Cookie header of a Response, if any. */
  setCookie: string | null;
  /** True when the loader/action threw its answer (guards: requireAuth, requirePermission, notFound). */
  thrown: boolean;
  /** "response" for a Response, "data" for data()/plain objects. */
  kind: "response" | "data";
}

interface DataWithResponseInitLike {
  type: "DataWithResponseInit";
  data: unknown;
  init: ResponseInit | null;
}

function isDataWithResponseInit(value: unknown): value is DataWithResponseInitLike {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

async function toOutcome(value: unknown, thrown: boolean): Promise<Outcome> {
  if (value instanceof Response) {
    let body: unknown = null;
    const type = value.headers.get("Content-Type") ?? "";
    if (type.includes("json")) body = await value.json();
    return {
      status: value.status,
      data: body,
      location: value.headers.get("Location"),
      setCookie: value.headers.get("Set-Cookie"),
      thrown,
      kind: "response",
    };
  }
  if (isDataWithResponseInit(value)) {
    const headers = new Headers(value.init?.headers);
    return {
      status: value.init?.status ?? 200,
      data: value.data,
      location: headers.get("Location"),
      setCookie: headers.get("Set-Cookie"),
      thrown,
      kind: "data",
    };
  }
  return { status: 200, data: value, location: null, setCookie: null, thrown, kind: "data" };
}

/** Runs a loader/action call and folds returned or thrown answers into an Outcome. Real errors rethrow. */
export async function settle<T = unknown>(run: () => unknown): Promise<Outcome<T>> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    if (error instanceof Response || isDataWithResponseInit(error)) return (await toOutcome(error, true)) as Outcome<T>;
    throw error;
  }
  return (await toOutcome(value, false)) as Outcome<T>;
}

export interface RouteModule {
  loader?: (args: LoaderFunctionArgs) => unknown;
  action?: (args: ActionFunctionArgs) => unknown;
}

export interface CallOptions extends RequestOptions {
  params?: Record<string, string>;
}

export function callLoader<T = unknown>(route: RouteModule, pathAndQuery: string, options: CallOptions = {}) {
  const { loader } = route;
  if (!loader) throw new Error(`route for ${pathAndQuery} has no loader`);
  const request = getRequest(pathAndQuery, options);
  return settle<T>(() => loader({ request, params: options.params ?? {}, context: {} }));
}

export function callAction<T = unknown>(
  route: RouteModule,
  pathAndQuery: string,
  fields: Fields | FormData = {},
  options: CallOptions = {},
) {
  const { action } = route;
  if (!action) throw new Error(`route for ${pathAndQuery} has no action`);
  const request = postRequest(pathAndQuery, fields, options);
  return settle<T>(() => action({ request, params: options.params ?? {}, context: {} }));
}

/** "name=value" from a Set-Cookie header value, ready for a Cookie request header. */
export function cookiePair(setCookie: string | null): string {
  if (!setCookie) throw new Error("expected a Set-Cookie header");
  const pair = setCookie.split(";")[0]?.trim();
  if (!pair) throw new Error(`malformed Set-Cookie: ${setCookie}`);
  return pair;
}

/** The field errors of a 400 answer ({ errors: { field: "errors.key|{...}" } }). */
export function errorsOf(outcome: Outcome): Record<string, string> {
  const data = outcome.data as { errors?: Record<string, string> } | null;
  return data?.errors ?? {};
}

/** The i18n key of an encoded message ("errors.tooLong|{\"max\":200}" -> "errors.tooLong"). */
export function keyOf(encoded: string | undefined): string | undefined {
  return encoded?.split("|")[0];
}
