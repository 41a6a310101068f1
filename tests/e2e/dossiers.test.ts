// Evidence dossiers in the browser, in Chinese: a compliance lead previews a cn-2022-advanced
// dossier, generates it, watches it finish, downloads the PDF (Chinese criterion titles in the
// standard's order) and verifies the downloaded file at /verify; an edited copy is refused. An owner
// uploads a signing certificate, the next dossier passes pdfsig, and a certifier opens a watermarked
// (and signed) copy through a share link until it is revoked.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, newOrganization, signUpInChinese, snap } from "../support/e2e-app";
import { makeTestPki, toPkcs12 } from "../support/signing-pki";

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
    // Nothing chosen: a clear message in the reader's language.
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByRole("alert").getByText("请选择要核验的 PDF 文件。").waitFor();
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

  test("an owner uploads a signing certificate; the next dossier is signed; a certifier opens a watermarked copy until the link is revoked", async () => {
    const { page, problems } = await suite.open({ locale: "zh-CN", viewport: DESKTOP });
    await signUpInChinese(page, newOrganization("signing"));

    await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "签名证书" }).click();
    await page.waitForURL("**/settings/signing");
    await page.getByText("没有启用的证书：新生成的档案不签名。").waitFor();
    const p12 = path.join(work, "org.p12");
    writeFileSync(p12, toPkcs12(makeTestPki({ organization: "深圳测试进出口有限公司" }), "secret-pass"));
    await page.getByLabel("证书文件（.p12、.pfx）").setInputFiles(p12);
    await page.getByLabel("证书密码").fill("wrong-pass");
    await page.getByRole("button", { name: "上传并启用" }).click();
    await page.getByText("密码无法打开此文件。").waitFor();
    await page.getByLabel("证书文件（.p12、.pfx）").setInputFiles(p12);
    await page.getByLabel("证书密码").fill("secret-pass");
    await page.getByRole("button", { name: "上传并启用" }).click();
    await page.getByText("证书已通过检查，现用于档案签名。").waitFor();
    await snap(page, "signing-certificate");

    await page.goto("/dossiers/new");
    await page.getByLabel("认证标准").selectOption("cn-2014-general");
    await page.getByLabel("期间起").fill("2026-01-01");
    await page.getByLabel("期间止").fill("2026-06-30");
    await page.getByRole("button", { name: "预览内容" }).click();
    await page.getByRole("button", { name: "生成档案" }).click();
    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    const download = page.getByRole("link", { name: /下载 DOS-1 第 1 卷/ });
    await download.waitFor({ timeout: 60_000 });
    await page.getByText("已用本企业证书签名").waitFor();
    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    const pdf = path.join(work, "signed.pdf");
    await file.saveAs(pdf);
    const { stdout: sig } = await run("pdfsig", ["-nocert", pdf]);
    expect(sig).toContain("Signature is Valid.");
    expect(sig).toContain("Total document signed");

    await page.getByRole("link", { name: "分享给认证人员" }).click();
    await page.waitForURL(/\/shares$/);
    const sharesPath = new URL(page.url()).pathname;
    await page.getByLabel("接收人姓名").fill("李检查");
    await page.getByLabel("接收人单位（选填）").fill("深圳海关");
    await page.getByRole("button", { name: "生成链接" }).click();
    await page.getByText("已为 李检查 生成链接").waitFor();
    const link = await page.getByLabel("分享链接").inputValue();
    expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
    await snap(page, "dossier-shares");

    // The certifier: no account, another browser.
    const certifier = await suite.open({ locale: "zh-CN", viewport: DESKTOP });
    await certifier.page.goto(link);
    await certifier.page.getByRole("heading", { name: "证据档案 DOS-1" }).waitFor();
    await certifier.page.getByText("李检查").first().waitFor();
    await snap(certifier.page, "share-page");
    const [copyDownload] = await Promise.all([
      certifier.page.waitForEvent("download"),
      certifier.page.getByRole("link", { name: /下载第 1 卷/ }).click(),
    ]);
    const copy = path.join(work, "copy.pdf");
    await copyDownload.saveAs(copy);
    const { stdout: copyText } = await run("pdftotext", [copy, "-"]);
    expect(copyText).toMatch(/仅供 李检查（深圳海关）\s*查阅/);
    const { stdout: copySig } = await run("pdfsig", ["-nocert", copy]);
    expect(copySig).toContain("Signature is Valid.");

    // The copy is recognised at /verify as the recipient's.
    await page.goto("/verify");
    await page.getByLabel("待核验的 PDF").setInputFiles(copy);
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByText("这是为 李检查 制作的 DOS-1 第 1 卷水印副本，未经改动。").waitFor();

    // Revoked: the link answers with a clear page, and both uses are in the access log.
    await page.goto(sharesPath);
    await page.getByRole("button", { name: "撤销" }).click();
    await page.getByText("链接已撤销，无法再打开该档案。").waitFor();
    const gone = await certifier.page.goto(link);
    expect(gone?.status()).toBe(410);
    await certifier.page.getByText("此分享链接已被撤销").waitFor();
    await page.reload();
    await page.getByText("拒绝（已撤销）").waitFor();
    await snap(page, "dossier-shares-revoked");
    expect(problems).toEqual([]);
    // The one expected complaint: the browser logs the revoked link's 410.
    expect(certifier.problems.filter((p) => !p.includes("status of 410"))).toEqual([]);
  });
});
