// What the app keeps on disk is its owner's alone (db/file-modes.ts): a new embedded database's
// folder, one copied from a build's template that was left readable by others, and the files stored
// through the file store, all folders 0700 and all files 0600. This process sets no umask (the
// servers and scripts do), so what is checked here is the app's own modes. Embedded stage only: it
// opens PGlite data folders of its own, whatever database the other tests use.
import { chmodSync, cpSync, lstatSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, inject, test } from "vitest";
import { createDatabase } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { copyTemplateIntoNewDataDir, pgliteTemplateKey } from "../../db/pglite-template";
import { checkUpload, storeFile, storeGeneratedParts } from "~/lib/evidence/file-store.server";
import { signUpOrganization } from "../support/factories";
import { testDb } from "../support/test-database";

const config = inject("integrationDatabase");

/** Every path under `root` (itself included) that its group or others may use, with its mode. */
function openToOthers(root: string): string[] {
  const found: string[] = [];
  const walk = (target: string) => {
    const stat = lstatSync(target);
    if (stat.isSymbolicLink()) return;
    if (stat.mode & 0o077) found.push(`${(stat.mode & 0o777).toString(8)} ${path.relative(root, target) || "."}`);
    if (stat.isDirectory()) for (const name of readdirSync(target)) walk(path.join(target, name));
  };
  walk(root);
  return found;
}

function count(root: string): { folders: number; files: number } {
  let folders = 0;
  let files = 0;
  const walk = (target: string) => {
    if (lstatSync(target).isDirectory()) {
      folders += 1;
      for (const name of readdirSync(target)) walk(path.join(target, name));
    } else files += 1;
  };
  walk(root);
  return { folders, files };
}

/** As a build made before this check left its template: folders 0755, files 0666. */
function loosen(root: string): void {
  const walk = (target: string) => {
    const directory = lstatSync(target).isDirectory();
    chmodSync(target, directory ? 0o755 : 0o666);
    if (directory) for (const name of readdirSync(target)) walk(path.join(target, name));
  };
  walk(root);
}

describe.runIf(config.kind === "pglite")("the files the app keeps are its owner's alone", () => {
  const root = mkdtempSync(path.join(tmpdir(), "tradeguard-modes-"));
  const filesBefore = process.env.FILES_DIR;

  afterAll(() => {
    if (filesBefore === undefined) delete process.env.FILES_DIR;
    else process.env.FILES_DIR = filesBefore;
    rmSync(root, { recursive: true, force: true });
  });

  test("a new DATA_DIR: the embedded database and the files stored in it", async () => {
    const dataDir = path.join(root, "fresh", "data");
    // The file store's default place, inside DATA_DIR.
    process.env.FILES_DIR = path.join(dataDir, "files");
    const handle = await createDatabase({ dataDir });
    try {
      await migrateDatabase(handle);
      await handle.db.execute(sql`create table scratch as select generate_series(1, 10000) as n`);
      await handle.db.execute(sql`checkpoint`);
      // An uploaded file (with its row, in this file's test database) and a generated one.
      const org = await signUpOrganization();
      const upload = await checkUpload(new File([`%PDF-1.4\n% ${org.organizationId}\n%%EOF\n`], "policy.pdf", { type: "application/pdf" }), { required: true });
      if (!upload.ok || !upload.file) throw new Error("the upload was refused");
      await storeFile(testDb(), { organizationId: org.organizationId, userId: org.userId }, upload.file);
      await storeGeneratedParts([new TextEncoder().encode(`%PDF-1.4\n% volume ${org.organizationId}\n`)]);
      expect(openToOthers(dataDir)).toEqual([]);
    } finally {
      await handle.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
    const { folders, files } = count(dataDir);
    expect(files).toBeGreaterThan(900);
    expect(folders).toBeGreaterThan(20);
    expect(count(path.join(dataDir, "files")).files).toBe(2);
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
  }, 120_000);

  test("a DATA_DIR copied from a build's template that others could read, and opened", async () => {
    // The template: a migrated data folder (the one above, without its files) under the name the
    // build gives it, its modes as an older build left them.
    const templateDir = path.join(root, "build-template");
    const template = path.join(templateDir, `pglite-data-${pgliteTemplateKey()}`);
    cpSync(path.join(root, "fresh", "data"), template, { recursive: true, filter: (source) => path.basename(source) !== "files" });
    loosen(template);
    expect(openToOthers(template).length).toBeGreaterThan(900);

    const dataDir = path.join(root, "copied", "data");
    expect(copyTemplateIntoNewDataDir(dataDir, templateDir)).toBe(true);
    expect(openToOthers(dataDir)).toEqual([]);
    const handle = await createDatabase({ dataDir });
    try {
      await handle.db.execute(sql`insert into scratch select generate_series(1, 1000)`);
      await handle.db.execute(sql`checkpoint`);
    } finally {
      await handle.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
  }, 120_000);
});
