import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import { InvitationEmail, invitationSubject } from "../../../emails/invitation";
import { PasswordResetEmail, passwordResetSubject } from "../../../emails/password-reset";
import { SignupAttemptEmail, signupAttemptSubject } from "../../../emails/signup-attempt";
import { locales } from "~/lib/i18n/config";
import { createI18n } from "~/lib/i18n/translations.server";

async function renderBoth(element: React.ReactElement) {
  return { html: await render(element), text: await render(element, { plainText: true }) };
}

describe.each(locales)("emails in %s", (locale) => {
  const { t } = createI18n(locale);

  test("the invitation names organisation, inviter and role, and carries the link", async () => {
    const url = "http://localhost:3000/invite/Zx9_ab-CD12";
    const props = {
      locale,
      organizationName: locale === "en" ? "Shenzhen Demo Trading Co., Ltd." : "深圳示例进出口有限公司",
      inviterName: "王海 Wang Hai",
      role: "compliance",
      url,
      expiresAt: "2024/03/25 10:00 GMT+8",
    };
    const { html, text } = await renderBoth(<InvitationEmail {...props} />);
    expect(html).toContain(`href="${url}"`);
    expect(text).toContain(url);
    expect(html).toContain(`lang="${locale}"`);
    expect(text).toContain(props.organizationName);
    expect(text).toContain(props.inviterName);
    expect(text).toContain(t("roles.compliance"));
    expect(text).toContain(t("emails.invitation.button"));
    expect(text).toContain(props.expiresAt);
    expect(text).not.toMatch(/\{\{|emails\.invitation/);
    expect(invitationSubject(props)).toBe(t("emails.invitation.subject", { organization: props.organizationName }));
    expect(invitationSubject(props)).toContain(props.organizationName);
  });

  test("the password reset greets the person and carries the link", async () => {
    const url = "http://localhost:3000/reset-password?token=Ab3_-xyZ";
    const props = { locale, name: "李静 Li Jing", url, expiresAt: "2024/03/18 11:00 GMT+8" };
    const { html, text } = await renderBoth(<PasswordResetEmail {...props} />);
    expect(html).toContain(`href="${url}"`);
    expect(text).toContain(url);
    expect(text).toContain(props.name);
    expect(text).toContain(t("emails.passwordReset.button"));
    expect(text).toContain(t("emails.passwordReset.ignore"));
    expect(text).toContain(props.expiresAt);
    expect(text).not.toMatch(/\{\{|emails\.passwordReset/);
    expect(passwordResetSubject(props)).toBe(t("emails.passwordReset.subject"));
  });

  test("the signup-attempt notice greets the person, links to log in and to reset, and carries no token", async () => {
    const props = { locale, name: "李静 Li Jing", loginUrl: "http://localhost:3000/login", resetUrl: "http://localhost:3000/reset-password" };
    const { html, text } = await renderBoth(<SignupAttemptEmail {...props} />);
    expect(html).toContain(`href="${props.loginUrl}"`);
    expect(html).toContain(`href="${props.resetUrl}"`);
    expect(html).toContain(`lang="${locale}"`);
    expect(text).toContain(props.name);
    for (const key of ["body", "ifYou", "button", "forgot", "ignore"] as const) expect(text).toContain(t(`emails.signupAttempt.${key}`));
    expect(text).not.toMatch(/\{\{|emails\.signupAttempt|token=/);
    expect(signupAttemptSubject(props)).toBe(t("emails.signupAttempt.subject"));
  });
});

test("names in emails are escaped, never markup", async () => {
  const html = await render(
    <PasswordResetEmail locale="en" name={'<script>alert("x")</script>'} url="http://localhost:3000/reset-password?token=a" expiresAt="soon" />,
  );
  expect(html).not.toContain("<script>alert");
  expect(html).toContain("&lt;script&gt;");
});
