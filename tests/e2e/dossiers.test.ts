// Evidence dossiers in the browser, in Chinese: a compliance lead previews a cn-2022-advanced
// dossier, generates it, watches it finish, downloads the PDF (Chinese criterion titles in the
// standard's order) and verifies the downloaded file at /verify; an edited copy is refused.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, newOrganization, signUpInChinese, snap } from "../support/e2e-app";

const run = promisify(execFile);
const suite = e2eSuite("dossiers");
const work = mkdtempSync(path.join(tmpdir(), "tradeguard-e2e-dossier-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("evidence dossiers", () => {
  test("preview, generate, download and verify a cn-2022-advanced dossier", async () => {
    const { page, problems } = await suite.open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("dossier"));

    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "证据档案" }).click();
    await page.waitForURL("**/dossiers");
    await page.getByText("尚无档案。请按认证人员要查看的标准和期间生成。").waitFor();
    await page.getByRole("link", { name: "新建档案" }).click();
    await page.waitForURL("**/dossiers/new");
    await page.getByLabel("认证标准").selectOption("cn-2022-advanced");
    await page.getByLabel("期间起").fill("2026-01-01");
    await page.getByLabel("期间止").fill("2026-06-30");
    await page.getByRole("button", { name: "预览内容" }).click();
    await page.getByText(/内容：\d+ 项标准，其中 \d+ 项在期间内无证据/).waitFor();
    await snap(page, "dossier-preview");

    await page.getByRole("button", { name: "生成档案" }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { name: "DOS-1", level: 1 }).waitFor();
    // The page follows the background generation until the file is ready.
    const download = page.getByRole("link", { name: /下载 DOS-1 第 1 卷/ });
    await download.waitFor({ timeout: 60_000 });
    await snap(page, "dossier-ready");

    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const pdf = path.join(work, "DOS-1.pdf");
    await file.saveAs(pdf);
    const { stdout: text } = await run("pdftotext", ["-layout", pdf, "-"]);
    expect(text).toContain("证据档案");
    expect(text).toContain("第 1 页 / 共");
    expect(text.indexOf("附录 文件清单")).toBeGreaterThan(0);

    await page.goto("/dossiers");
    await page.getByRole("link", { name: "核验 PDF" }).click();
    await page.waitForURL("**/verify");
    await page.getByLabel("待核验的 PDF").setInputFiles(pdf);
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByText("本企业出具，未经改动：该文件与 DOS-1 第 1 卷逐字节一致。").waitFor();
    await snap(page, "dossier-verify-issued");

    // One byte more at the end: still a readable PDF, no longer the issued file.
    const edited = path.join(work, "DOS-1-edited.pdf");
    writeFileSync(edited, Buffer.concat([readFileSync(pdf), Buffer.from("\n")]));
    await page.getByLabel("待核验的 PDF").setInputFiles(edited);
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByText("已被改动：文件自称 DOS-1，但其内容与本企业出具的任何文件都不一致。").waitFor();
    await snap(page, "dossier-verify-altered");
    expect(problems).toEqual([]);
  });
});
