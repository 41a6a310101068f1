// npm run bench:enumeration: whether the public forms take as long for an address that has no
// account as for one that has. Starts the production build (`npm run build` first) on a throwaway
// embedded database with the demo data, then times POST /reset-password (known vs unknown address)
// and POST /login with a wrong password (known vs unknown), ROUNDS times each (default 20),
// alternating known and unknown so that a burst of load elsewhere hits both, after one warm-up.
// Every post comes from a forwarded address of its own (TRUST_PROXY=loopback), and the right password
// is given between login rounds (which forgets the account's failures), so neither the address nor
// the account limit answers instead of the password check. Prints the medians
// and their ratio, known / unknown: near 1 means the answers give nothing away by their time.
// Before the fix (Step 9), /reset-password took 44.7 ms for a known address and 12.6 ms for an
// unknown one (3.5x). The tests hold the cause (both paths do the same work); this measures it.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../tests/support/app-processes";

const rounds = Number(process.env.ROUNDS ?? 20);
const KNOWN = "owner@demo.tradeguard.test";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "tg-bench-enumeration-"));
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "warn", SEED_DEMO: "1", TRUST_PROXY: "loopback" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`${baseUrl}/healthz`).then((r) => r.ok).catch(() => false);
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    let round = 0;
    let address = 0;
    const post = (pathname: string, fields: Record<string, string>) =>
      fetch(`${baseUrl}${pathname}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Origin: baseUrl,
          "Accept-Language": "en",
          "X-Forwarded-For": `198.18.${Math.floor(++address / 250)}.${(address % 250) + 1}`,
        },
        body: new URLSearchParams(fields),
        redirect: "manual",
      }).then(async (r) => ({ status: r.status, text: await r.text() }));
    async function timeBoth(name: string, a: () => Promise<{ status: number }>, b: () => Promise<{ status: number }>, between?: () => Promise<unknown>) {
      await a();
      await b();
      const times = { a: [] as number[], b: [] as number[] };
      const statuses = new Set<number>();
      for (let i = 0; i < rounds; i++) {
        for (const [which, run] of [["a", a], ["b", b]] as const) {
          await between?.();
          const started = performance.now();
          statuses.add((await run()).status);
          times[which].push(performance.now() - started);
        }
      }
      const known = median(times.a);
      const unknown = median(times.b);
      process.stdout.write(
        `${JSON.stringify({ form: name, rounds, known_ms: +known.toFixed(1), unknown_ms: +unknown.toFixed(1), ratio: +(known / unknown).toFixed(2), statuses: [...statuses] })}\n`,
      );
    }
    await timeBoth(
      "reset-password",
      () => post("/reset-password", { email: KNOWN }),
      () => post("/reset-password", { email: `nobody-${round++}@example.test` }),
    );
    await timeBoth(
      "login-wrong-password",
      () => post("/login", { email: KNOWN, password: "not the password at all" }),
      () => post("/login", { email: `nobody-${round++}@example.test`, password: "not the password at all" }),
      // The right password between rounds forgets the account's failures (and gives its place back).
      () => post("/login", { email: KNOWN, password: "tradeguard-demo" }),
    );
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
