// The demo banner: every signed-in page of a demo organisation says its data is made up, in the
// reader's language, with or without JavaScript; a real organisation's pages do not.
import postgres from "postgres";
import { describe, expect, test } from "vitest";
import { DESKTOP, e2eSuite, newOrganization, signUpInChinese, snap } from "../support/e2e-app";

const suite = e2eSuite("demo-banner");

/** Marks an organisation as the demo seed does (the one write that sets is_demo). */
async function markDemo(databaseUrl: string, legalNameEn: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await sql`update organizations set is_demo = true where legal_name_en = ${legalNameEn}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const ZH = "示例数据：本组织为演示用，所有记录均为虚构。";
const EN = "Demo data: this organisation and all its records are made up.";

describe("demo banner", () => {
  test("shows on every signed-in page of a demo organisation, in both languages, and never on a real one", async () => {
    const { page, problems } = await suite.open({ locale: "zh-CN", viewport: DESKTOP });
    const org = newOrganization("demo-banner");
    await signUpInChinese(page, org);
    expect(await page.getByText(ZH).count()).toBe(0);

    await markDemo(suite.app.databaseUrl, org.organizationNameEn);
    for (const path of ["/", "/inspections", "/partners", "/settings/organization"]) {
      await page.goto(path);
      await expect.poll(() => page.getByRole("note").filter({ hasText: ZH }).count(), { message: path }).toBe(1);
    }
    await page.goto("/inspections");
    await snap(page, "demo-banner-zh");

    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("note").filter({ hasText: EN }).waitFor();
    await snap(page, "demo-banner-en", "desktop");
    expect(problems).toEqual([]);
  });

  test("is in the server's page: it shows without JavaScript", async () => {
    const { page } = await suite.open({ locale: "zh-CN", viewport: DESKTOP, javaScriptEnabled: false });
    const org = newOrganization("demo-banner-nojs");
    await signUpInChinese(page, org);
    await markDemo(suite.app.databaseUrl, org.organizationNameEn);
    await page.goto("/seals");
    await page.getByRole("note").filter({ hasText: ZH }).waitFor();
  });
});
