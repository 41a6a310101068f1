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
  /** Answered. */
  requests: number;
  /** Sent: the answered, the failed and those the run left in flight. */
  sent: number;
  req_s: number;
  /** Over the answered requests; null when none was answered. */
  p50_ms: number | null;
  p99_ms: number | null;
  /** Connection errors, timeouts and every answer that was not the expected one. */
  errors: number;
  /** Requests answered after more than 10 s, or still unanswered after 10 s when the run ended (in errors). */
  timeouts: number;
  posts: number;
  /** A few of the wrong answers, for stderr. */
  samples: string[];
}

/** A POST that succeeds redirects here (app/routes/_app.visitors.new/route.tsx). */
const SIGNED_IN = /^\/visitors\?signedIn=[0-9a-f-]{36}$/;

function headerOf(headers: IncomingHttpHeaders | undefined, name: string): string {
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
  }
  return "";
}

/** A request not answered within this is an error (a timeout). */
const TIMEOUT_MS = 10_000;

/**
 * `connections.length` connections for `seconds`; each answer is checked as it arrives. autocannon's
 * own timeout is set beyond the run: on a timeout it would send the connection's next request while
 * the server still works on the abandoned one, and the load would grow past `connections`. Timeouts
 * are counted here instead, per connection, from the time each request was sent.
 */
export function drive(baseUrl: string, connections: readonly Connection[], seconds: number): Promise<LoadFigures> {
  const origin = new URL(baseUrl).origin;
  const sentAt = new Map<number, number>();
  let late = 0;
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
        timeout: seconds + 60,
        setupClient: (client) => {
          const index = next++;
          const connection = connections[index % connections.length];
          // Every request sent (autocannon emits it; its typings leave it out).
          const emitter: NodeJS.EventEmitter = client;
          emitter.on("request", () => sentAt.set(index, performance.now()));
          client.on("response", (_status: number, _bytes: number, responseTime: number) => {
            sentAt.delete(index);
            if (responseTime > TIMEOUT_MS) late += 1;
          });
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
        const now = performance.now();
        const unanswered = [...sentAt.values()].filter((at) => now - at > TIMEOUT_MS).length;
        const answered = result.requests.total > 0;
        resolve({
          requests: result.requests.total,
          sent: result.requests.sent,
          req_s: round(result.requests.total / (result.duration || seconds), 1),
          p50_ms: answered ? round(result.latency.p50, 1) : null,
          p99_ms: answered ? round(result.latency.p99, 1) : null,
          errors: result.errors + wrong + late + unanswered,
          timeouts: late + unanswered,
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
 * deadline; the server still works on the requests it holds): /healthz twice in a row within 50 ms.
 */
export async function settle(baseUrl: string, limitMs = 180_000): Promise<{ ms: number; settled: boolean }> {
  const started = Date.now();
  const deadline = started + limitMs;
  let quick = 0;
  while (Date.now() < deadline && quick < 2) {
    const started = performance.now();
    const ok = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(10_000) })
      .then((r) => r.ok)
      .catch(() => false);
    quick = ok && performance.now() - started < 50 ? quick + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { ms: Date.now() - started, settled: quick >= 2 };
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

/** CPU seconds a process has used so far (user + system, /proc/<pid>/stat; 0 once it is gone). */
export function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
