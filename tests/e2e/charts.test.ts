// The charts are server-rendered SVG: with JavaScript off, each of the four pages shows its charts,
// each an <svg role="img"> named by its title, with values written on it and a table to open; an
// organisation without records sees "no data yet", not an empty axis. Screenshots at phone and
// desktop width in both states.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, test, vi } from "vitest";

await vi.hoisted(async () => (await import("../support/files-directory")).ownFilesDirectory("charts-e2e"));

import { createDatabase } from "../../db/client";
import { seedScaleOrganization, type ScaleResult } from "../../scripts/bench/scale-data";
import { DESKTOP, logInBySession, newOrganization, PHONE, signUpInChinese, snap, e2eSuite } from "../support/e2e-app";

const suite = e2eSuite("charts");

const PAGES = [
  { path: "/criteria/cn-2022-advanced", name: "criteria", charts: ["近 12 个月各条款的证据"] },
  { path: "/inspections", name: "inspections", charts: ["每月检查次数", "各场所合格率"] },
  { path: "/partners", name: "partners", charts: ["合作伙伴风险等级分布", "待重新评估"] },
  { path: "/actions", name: "actions", charts: ["未关闭整改措施的账龄"] },
] as const;

let seeded: ScaleResult;

beforeAll(async () => {
  // A year of a small exporter's records, written into the app's database by the scale seeder.
  const handle = await createDatabase({ url: suite.app.databaseUrl });
  try {
    seeded = await seedScaleOrganization(handle.db, {
      sites: 3,
      days: 365,
      inspections: 900,
      failureEvery: 12,
      photoInspections: 0,
      sealEvents: 60,
      visitors: 30,
      employees: 10,
      partners: 40,
      quiet: true,
    });
  } finally {
    await handle.close();
  }
}, 300_000);

/** The svg named `title`, its <title> in the page's language. */
function chart(page: Page, title: string) {
  return page.getByRole("img", { name: title, exact: true });
}

describe("charts without JavaScript", () => {
  // One test per page: the criteria page is long, and its full-page screenshots take their time.
  test.each(PAGES)("with a year of records, $path shows its charts with their values", async (p) => {
    const { page, problems } = await suite.open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(page, suite.app, seeded.ownerEmail, p.path);
    for (const title of p.charts) {
      const svg = chart(page, title);
      await svg.waitFor();
      expect(await svg.locator(":scope > title").textContent()).toBe(title);
      const description = await svg.getAttribute("aria-describedby");
      expect(await page.locator(`[id="${description}"]`).textContent()).toMatch(/\d/);
      // Values are written on the marks, not left to colour.
      expect(await svg.locator("text").count()).toBeGreaterThan(3);
      expect(await svg.getByText("暂无数据").count()).toBe(0);
    }
    await snap(page, `charts-${p.name}`);
    expect(problems).toEqual([]);
  });

  test("the numbers behind a chart open as a table without JavaScript", async () => {
    const { page } = await suite.open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(page, suite.app, seeded.ownerEmail, "/inspections");
    const figure = page.locator("figure").filter({ has: chart(page, "每月检查次数") });
    await figure.getByText("以表格查看数据").click();
    const table = figure.getByRole("table");
    await table.waitFor();
    // A heading row and the twelve months.
    expect(await table.getByRole("row").count()).toBe(13);

    // As printed (grey print included: the values are written, the failures hatched).
    await page.emulateMedia({ media: "print" });
    await snap(page, "charts-inspections-print", "desktop");
  });

  test("with JavaScript the pages hydrate over the server's charts without an error", async () => {
    const { page, problems } = await suite.open({ locale: "zh-CN", viewport: DESKTOP });
    await logInBySession(page, suite.app, seeded.ownerEmail, "/actions");
    for (const p of PAGES) {
      if (page.url() !== new URL(p.path, suite.app.baseUrl).toString()) await page.goto(p.path);
      await chart(page, p.charts[0]).waitFor();
      // Hydrated: the page's scripts have run (a mismatch would be logged as an error).
      await page.waitForFunction(() => "__remixRouter" in window);
    }
    expect(problems).toEqual([]);
  });

  test("the charts speak English to an English reader", async () => {
    const { page } = await suite.open({ locale: "en", viewport: DESKTOP, javaScriptEnabled: false });
    await logInBySession(page, suite.app, seeded.ownerEmail, "/actions");
    // The seeded owner saved 简体中文; ?lng= comes first (decision 0010).
    await page.goto("/inspections?lng=en");
    await chart(page, "Inspections per month").waitFor();
    await chart(page, "Pass rate per site").waitFor();
    await page.goto("/partners?lng=en");
    await chart(page, "Re-evaluations due").waitFor();
    await snap(page, "charts-partners-en");
  });

  test("an organisation without records sees 'no data yet', not empty axes", async () => {
    const empty = newOrganization("charts-empty");
    await signUpInChinese((await suite.open({ locale: "zh-CN", viewport: DESKTOP })).page, empty);
    const { page } = await suite.open({ locale: "zh-CN", viewport: PHONE, javaScriptEnabled: false });
    await logInBySession(page, suite.app, empty.email, "/inspections");
    for (const p of PAGES) {
      if (page.url() !== new URL(p.path, suite.app.baseUrl).toString()) await page.goto(p.path);
      for (const title of p.charts) {
        const svg = chart(page, title);
        await svg.waitFor();
        await svg.getByText("暂无数据").waitFor();
      }
      expect(await page.getByText("以表格查看数据").count()).toBe(0);
      await snap(page, `charts-${p.name}-empty`);
    }
  });
});
