import { render } from "@react-email/render";
import { describe, expect, test } from "vitest";
import { SealReportEmail, sealReportSubject } from "../../../emails/seal-report";
import { locales } from "~/lib/i18n/config";
import { createI18n } from "~/lib/i18n/translations.server";

describe.each(locales)("the seal report email in %s", (locale) => {
  const { t } = createI18n(locale);
  const props = {
    locale,
    organizationName: "深圳示例进出口有限公司",
    sealNumber: "CN2026000101",
    reportKind: "broken" as const,
    target: "CSQU3054383",
    description: '螺栓被锯断 <b>"glued"</b>',
    reporterName: "赵卫",
    occurredAt: "2026/12/02 09:30 GMT+8",
    url: "http://localhost:3000/seals/7a1c2f0e-0000-4000-8000-000000000001",
  };

  test("names the seal, the unit, what is wrong, who found it and when, and links the seal's record", async () => {
    const html = await render(<SealReportEmail {...props} />);
    const text = await render(<SealReportEmail {...props} />, { plainText: true });
    expect(html).toContain(`href="${props.url}"`);
    expect(html).toContain(`lang="${locale}"`);
    for (const part of [
      props.sealNumber,
      props.target,
      props.reporterName,
      props.occurredAt,
      t("seals.reportKind.broken"),
      t("seals.email.button"),
    ])
      expect(text).toContain(part);
    expect(text).toContain("螺栓被锯断");
    expect(html).not.toContain("<b>");
    expect(text).not.toMatch(/\{\{|seals\.email/);
    expect(sealReportSubject(props)).toBe(t("seals.email.subject", { kind: t("seals.reportKind.broken"), number: props.sealNumber }));
  });

  test("a seal not on any unit says so", async () => {
    const text = await render(<SealReportEmail {...props} target="" />, { plainText: true });
    expect(text).toContain(t("seals.email.noTarget"));
  });
});
