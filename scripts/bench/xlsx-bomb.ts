// npm run bench:xlsx-bomb: what the partner import's XLSX reading costs on zip bombs
// (tests/support/xlsx-bomb.ts): for each bomb, in a process of its own, the file's size, the time
// parsePartnerFile takes to answer (exceljs already loaded), its answer, and the process's resident
// memory before and at its peak. Also a normal workbook of 10,000 partners, which must still be
// read. Pass names to run only those:
//   sharedStrings       a 300 MB shared-strings part, its size in the headers
//   lyingSharedStrings  the same, its headers claiming 1 KB
//   rows                a million partner rows (about 120 MB of sheet XML)
//   lyingRows           300,000 partner rows (about 36 MB), its headers claiming 1 KB
//   normal              10,000 partner rows
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const names = ["sharedStrings", "lyingSharedStrings", "rows", "lyingRows", "normal"] as const;
type Name = (typeof names)[number];

async function make(name: Name): Promise<Uint8Array> {
  const { rowsBomb, sharedStringsBomb } = await import("../../tests/support/xlsx-bomb");
  switch (name) {
    case "sharedStrings":
      return sharedStringsBomb(300);
    case "lyingSharedStrings":
      return sharedStringsBomb(300, { lying: true });
    case "rows":
      return rowsBomb(1_000_000);
    case "lyingRows":
      return rowsBomb(300_000, { lying: true });
    case "normal":
      return rowsBomb(10_000);
  }
}

/** In a process of its own: the file made beforehand, so that making it is not measured. */
async function measure(name: Name, file: string): Promise<void> {
  process.env.LOG_LEVEL ??= "silent";
  const { parsePartnerFile } = await import("../../app/lib/partners/partner-import-file.server");
  const bytes = new Uint8Array(readFileSync(file));
  // exceljs loads with the first workbook: loaded here, so that the time is the reading's.
  await import("exceljs");
  global.gc?.();
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const parsed = await parsePartnerFile(bytes, "bomb.xlsx");
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  const answer = parsed.ok ? `${parsed.rows.length} rows` : parsed.error;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
  process.stdout.write(
    `${name.padEnd(19)} file ${(bytes.byteLength / 1024).toFixed(0).padStart(6)} KB  ${ms.toFixed(0).padStart(7)} ms  RSS before ${mb(before)}, peak ${mb(peak)}  -> ${answer}\n`,
  );
}

const asked = process.argv.slice(2);
if (asked[0] === "--one") {
  await measure(asked[1] as Name, asked[2]!);
} else {
  const scratch = mkdtempSync(path.join(tmpdir(), "tradeguard-xlsx-bomb-"));
  try {
    for (const name of asked.length ? (asked as Name[]) : names) {
      const file = path.join(scratch, `${name}.xlsx`);
      writeFileSync(file, await make(name));
      const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--one", name, file], { stdio: "inherit" });
      if (run.status !== 0) process.exitCode = 1;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
