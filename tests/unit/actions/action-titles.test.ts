import { describe, expect, test } from "vitest";
import { actionTitles, FINDING_CHARS, findingExcerpt, inspectionActionTitles } from "~/lib/actions/action-titles";

// An action's title names what it is about: the container, the inspection and the finding for a
// failed point; the partner and the evaluation for a condition; the assessment for a shortfall.

const point = { number: "1", promptZh: "前壁", promptEn: "Front wall" };

describe("action titles", () => {
  test("a failed point reads container · inspection · point: finding", () => {
    expect(inspectionActionTitles({ reference: "INS-000012", target: "MSKU1234565", point }, "箱壁有新焊痕\n已拍照")).toEqual({
      zh: "MSKU1234565 · INS-000012 · 1. 前壁：箱壁有新焊痕",
      en: "MSKU1234565 · INS-000012 · 1. Front wall: 箱壁有新焊痕",
    });
    // A truck check without a container, and a point failed without a note.
    expect(inspectionActionTitles({ reference: "INS-000013", target: null, point }, "")).toEqual({
      zh: "INS-000013 · 1. 前壁",
      en: "INS-000013 · 1. Front wall",
    });
  });

  test("a long finding is cut to its first characters", () => {
    const long = "焊".repeat(FINDING_CHARS + 5);
    expect(findingExcerpt(long)).toBe(`${"焊".repeat(FINDING_CHARS)}…`);
  });

  test("other sources put their partner and reference before the typed title", () => {
    const action = { title: "安装 GPS 追踪", description: "" };
    expect(
      actionTitles(action, { type: "partner_evaluation", reference: "EV-0003", partner: { zh: "宁波示例物流有限公司", en: "Ningbo Demo Logistics" } }),
    ).toEqual({ zh: "宁波示例物流有限公司 · EV-0003 · 安装 GPS 追踪", en: "Ningbo Demo Logistics · EV-0003 · 安装 GPS 追踪" });
    expect(actionTitles(action, { type: "assessment", reference: "SA-2026-0001" })).toEqual({
      zh: "SA-2026-0001 · 安装 GPS 追踪",
      en: "SA-2026-0001 · 安装 GPS 追踪",
    });
    expect(actionTitles(action, null)).toEqual({ zh: "安装 GPS 追踪", en: "安装 GPS 追踪" });
  });
});
