// Inviting a member: the owner invites a security officer, the email arrives over SMTP, and the
// invitee opens its link in another browser, sets a name and password and lands signed in.
import { describe, expect, test } from "vitest";
import {
  DESKTOP,
  newOrganization,
  PHONE,
  signUpInChinese,
  snap,
  uniqueEmail,
  e2eSuite,
} from "../support/e2e-app";

const suite = e2eSuite("invitation");
const open = suite.open;

describe("member invitation", () => {
  test("an owner invites a security officer who accepts from the emailed link", async () => {
    const owner = await open({ locale: "zh-CN", viewport: DESKTOP });
    const org = newOrganization("owner");
    await signUpInChinese(owner.page, org);

    await owner.page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "成员" }).click();
    await owner.page.waitForURL("**/settings/members");
    await owner.page.getByRole("heading", { name: "成员", level: 1 }).waitFor();
    await owner.page.getByRole("heading", { name: "成员（1）" }).waitFor();
    await owner.page.getByText("没有待接受的邀请。").waitFor();

    const invitee = uniqueEmail("officer");
    await owner.page.getByLabel("电子邮箱").fill(invitee);
    await owner.page.getByLabel("角色").selectOption({ label: "安保员" });
    await owner.page.getByText("在门岗和装卸区登记检查、封志、访客和证卡。").waitFor();
    await owner.page.getByRole("button", { name: "发送邀请" }).click();
    await owner.page.waitForURL("**/settings/members?invited=1");
    await owner.page.getByRole("status").getByText("邀请已发送。").waitFor();
    await owner.page.getByRole("heading", { name: "待接受的邀请（1）" }).waitFor();
    await owner.page.getByRole("listitem").getByText(invitee).waitFor();
    // The invite form is empty again, so a second click does not re-invite the same person.
    expect.soft(await owner.page.getByLabel("电子邮箱").inputValue(), "the invite form after sending").toBe("");
    await snap(owner.page, "members-invited");

    // The email, as the SMTP server received it.
    const mail = await suite.app.waitForMail((m) => m.to.includes(invitee));
    expect(mail.subject).toContain(org.organizationNameZh);
    expect(mail.text).toContain(org.name);
    expect(mail.text).toContain("安保员");
    const link = mail.links.find((l) => l.includes("/invite/"));
    expect(link, `an /invite/ link in: ${mail.text}`).toBeDefined();
    expect(link?.startsWith(`${suite.app.baseUrl}/invite/`)).toBe(true);

    // The invitee, on a phone with an English browser and no cookies.
    const guest = await open({ locale: "en-US", viewport: PHONE });
    await guest.page.goto(link ?? "");
    await guest.page.getByRole("heading", { name: "Join an organisation" }).waitFor();
    await guest.page
      .getByText(`You are invited to join ${org.organizationNameEn} as Security officer, with the address ${invitee}.`)
      .waitFor();
    await snap(guest.page, "invite-accept");

    await guest.page.getByLabel("Your name").fill("赵卫");
    await guest.page.getByLabel("New password").fill("gate-keeper-2024!");
    await guest.page.getByRole("button", { name: "Accept the invitation" }).click();
    await guest.page.waitForURL((url) => url.pathname === "/");
    await guest.page.getByRole("heading", { name: org.organizationNameEn, level: 1 }).waitFor();

    // Signed in as the security officer: the phone menu shows what the gate uses, and under "More"
    // the rest of what that role may use.
    await guest.page.getByText("☰ Menu").click();
    const nav = guest.page.getByRole("navigation", { name: "Main navigation" });
    await nav.waitFor();
    const gate = ["Dashboard", "Inspections", "Seals", "Visitors", "Badges and keys", "Incidents", "Corrective actions"];
    expect((await nav.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual(gate);
    await nav.getByText("More").click();
    expect((await nav.getByRole("link").allTextContents()).map((t) => t.trim())).toEqual([
      ...gate,
      "Schedules",
      "Checklists",
      "Cargo reconciliation",
      "Training",
      "Partners",
      "Security clauses",
      "Self-assessment",
      "Customs contacts",
      "Policies",
      "Internal audits",
      "Risk assessments",
      "Business continuity",
      "Criteria",
      "Organisation",
      "Sites",
      "Members",
      "Partner rules",
    ]);
    await snap(guest.page, "dashboard-security-officer", "phone");
    await guest.page.setViewportSize(DESKTOP);
    await guest.page.getByText("Security officer · 赵卫").waitFor();
    await snap(guest.page, "dashboard-security-officer", "desktop");
    await guest.page.setViewportSize(PHONE);

    // The owner now sees the officer as a member and no open invitation.
    await owner.page.goto("/settings/members");
    await owner.page.getByRole("heading", { name: "成员（2）" }).waitFor();
    await owner.page.getByText("赵卫").waitFor();
    await owner.page.getByRole("heading", { name: "待接受的邀请（0）" }).waitFor();
    await snap(owner.page, "members-after-accept");

    // The link works once.
    const late = await open({ locale: "en-US", viewport: PHONE });
    await late.page.goto(link ?? "");
    await late.page.getByRole("alert").getByText("This invitation is invalid, already used, revoked or expired.").waitFor();
    await snap(late.page, "invite-used");

    expect([...owner.problems, ...guest.problems, ...late.problems]).toEqual([]);
  });
});
