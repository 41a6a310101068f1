import { AsyncLocalStorage } from "node:async_hooks";

// What one HTTP request computes once and its loaders share. Remix gives each loader of a document
// request (root, shell, page) a Request of its own, so a cache keyed by the Request object missed
// and the session was looked up three times per page. server.ts opens a scope around every request;
// code run outside one (tests calling a loader, scripts) computes each time. The storage lives on
// globalThis because server.ts and the Remix build each hold a copy of this module.

const KEY = Symbol.for("tradeguard.requestScope");
type Holder = { [KEY]?: AsyncLocalStorage<Map<string, unknown>> };
const holder = globalThis as Holder;
const scope = (holder[KEY] ??= new AsyncLocalStorage<Map<string, unknown>>());

/** Runs `fn` (an HTTP request's handling) with a fresh scope. */
export function runInRequestScope<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** The value computed for `key` earlier in this request, or `compute()`'s, remembered for the rest of it. */
export function memoForRequest<T>(key: string, compute: () => T): T {
  const store = scope.getStore();
  if (!store) return compute();
  if (store.has(key)) return store.get(key) as T;
  const value = compute();
  store.set(key, value);
  return value;
}
