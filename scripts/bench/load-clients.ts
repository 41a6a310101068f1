// The clients of scripts/bench/load.ts: sessions logged in over HTTP, and autocannon connections that each carry their own session cookie
// and walk their own list of requests, every answer checked (a page must answer 200; the visitor
// sign-in post must redirect to the visitor list), and the figures of one run.
import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import autocannon from "autocannon";
import { residentIdCheckCharacter } from "../../app/lib/inspections/identity-document";
import { logIn } from "../../tests/support/app-processes";

export interface Step {
  method: "GET" | "POST";
  path: string;
  /** url-encoded form body of a POST */
  body?: string;
}

/** One connection: its session cookie (none for the login page) and the requests it repeats in order. */
export interface Connection {
  cookie?: string;
  steps: Step[];
}

export interface LoadFigures {
  requests: number;
  req_s: number;
  p50_ms: number;
  p99_ms: number;
  /** Connection errors and timeouts, plus every answer that was not the expected one. */
  errors: number;
  posts: number;
  /** A few of the wrong answers, for stderr. */
  samples: string[];
}

/** A POST that succeeds redirects here (app/routes/_app.visitors.new.tsx). */
const SIGNED_IN = /^\/visitors\?signedIn=[0-9a-f-]{36}$/;

function headerOf(headers: IncomingHttpHeaders | undefined, name: string): string {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  }
  return "";
}

/** `connections.length` connections for `seconds`; each answer is checked as it arrives. */
export function drive(baseUrl: string, connections: readonly Connection[], seconds: number): Promise<LoadFigures> {
  const origin = new URL(baseUrl).origin;
  let wrong = 0;
  let posts = 0;
  const samples: string[] = [];
  const note = (text: string) => {
    wrong += 1;
    if (samples.length < 5) samples.push(text);
  };
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: baseUrl,
        connections: connections.length,
        duration: seconds,
        timeout: 10,
        setupClient: (client) => {
          const connection = connections[next++ % connections.length];
          if (!connection) throw new Error("drive: no connections");
          const cookie: Record<string, string> = connection.cookie ? { Cookie: connection.cookie } : {};
          client.setRequests(
            connection.steps.map((step) => ({
              method: step.method,
              path: step.path,
              headers:
                step.method === "POST"
                  ? { ...cookie, Origin: origin, "Content-Type": "application/x-www-form-urlencoded" }
                  : { ...cookie, Accept: "text/html" },
              ...(step.body ? { body: step.body } : {}),
              onResponse: (status: number, body: string, _context: object, headers: IncomingHttpHeaders | undefined) => {
                if (step.method === "POST") {
                  posts += 1;
                  const location = headerOf(headers, "location");
                  if (status !== 302 || !SIGNED_IN.test(location)) note(`POST ${step.path}: ${status} ${location || body.slice(0, 200)}`);
                } else if (status !== 200) {
                  note(`GET ${step.path}: ${status} ${headerOf(headers, "location")}`);
                }
              },
            })),
          );
        },
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requests: result.requests.total,
          req_s: round(result.requests.total / (result.duration || seconds), 1),
          p50_ms: round(result.latency.p50, 1),
          p99_ms: round(result.latency.p99, 1),
          errors: result.errors + wrong,
          posts,
          samples,
        });
      },
    );
  });
}

export function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** A resident ID number that passes the app's check (region 110105, born 1985-03-12). */
function residentId(i: number): string {
  const first17 = `11010519850312${String(100 + (i % 900)).padStart(3, "0")}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** The gatehouse sign-in form as a browser posts it (VisitorSignInSchema). */
export function visitorSignIn(siteId: string, i: number): Step {
  const fields = {
    siteId,
    visitorName: `压测访客 ${i}`,
    company: "压测物流有限公司",
    idDocumentType: "cn_resident_id",
    idNumber: residentId(i),
    idVerified: "yes",
    hostName: "王经理",
    purpose: "meeting",
    purposeNote: "",
    badgeNumber: "",
    escortName: "",
    vehiclePlate: "",
  };
  return { method: "POST", path: "/visitors/new", body: new URLSearchParams(fields).toString() };
}

export const get = (path: string): Step => ({ method: "GET", path });

/**
 * Waits until the server has worked off what the last run left in flight (autocannon stops at its
 * deadline; the server still answers the requests it holds): /healthz twice in a row within 50 ms.
 */
export async function settle(baseUrl: string, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  let quick = 0;
  while (Date.now() < deadline && quick < 2) {
    const started = performance.now();
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.ok)
      .catch(() => false);
    quick = ok && performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * `counts.get(role)` sessions of each role, logged in through POST /login as a browser does, spread
 * over the role's accounts, four logins at a time.
 */
export async function logInMany<R extends string>(
  baseUrl: string,
  password: string,
  accounts: ReadonlyMap<R, readonly string[]>,
  counts: ReadonlyMap<R, number>,
): Promise<Map<R, string[]>> {
  const jobs = [...counts].flatMap(([role, n]) => Array.from({ length: n }, (_, i) => ({ role, i })));
  const cookies = new Map<R, string[]>([...counts.keys()].map((r) => [r, []]));
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        const emails = accounts.get(job.role) ?? [];
        const email = emails[job.i % emails.length];
        if (!email) throw new Error(`no ${job.role} account to log in with`);
        cookies.get(job.role)?.push(await logIn(baseUrl, email, password));
      }
    }),
  );
  return cookies;
}

/** VmRSS and VmHWM (its peak) of a process, in MB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), hwm: Math.round(kb("VmHWM") / 1024) };
}
