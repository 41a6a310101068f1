import { describe, expect, test } from "vitest";
import { closingPunctuation, openingPunctuation, wrapText, type Measure } from "~/lib/pdf/text-layout";

// A monospaced stand-in for a font: CJK and full-width characters are 10 wide, everything else 5.
const wide = /[\u2e80-\u9fff\uff00-\uffef“”‘’]/u;
const measure: Measure = (text) => [...text].reduce((sum, char) => sum + (wide.test(char) ? 10 : 5), 0);

describe("wrapText", () => {
  test("Chinese breaks between any two characters", () => {
    expect(wrapText("中文文本测试换行", 35, measure)).toEqual(["中文文", "本测试", "换行"]);
  });

  test("Latin breaks at spaces and drops the space at the break", () => {
    expect(wrapText("the quick brown fox", 50, measure)).toEqual(["the quick", "brown fox"]);
    expect(wrapText("aaa   bbb", 15, measure)).toEqual(["aaa", "bbb"]);
  });

  test("mixed text keeps Latin words whole and breaks Chinese anywhere", () => {
    // 海关(20) AEO(15) 认证(20) " "(5) certification(65)
    expect(wrapText("海关AEO认证 certification", 70, measure)).toEqual(["海关AEO认证", "certification"]);
    expect(wrapText("海关AEO认证", 40, measure)).toEqual(["海关AEO", "认证"]);
  });

  test("closing punctuation never starts a line", () => {
    // Without kinsoku: 一二三 / ，四五.
    expect(wrapText("一二三，四五", 30, measure)).toEqual(["一二", "三，四", "五"]);
    expect(wrapText("一二三。」四", 30, measure)).toEqual(["一二", "三。」", "四"]);
    expect(wrapText("word word, next", 45, measure)).toEqual(["word", "word,", "next"]);
  });

  test("opening punctuation never ends a line", () => {
    // Without kinsoku: 一二（ / 三四.
    expect(wrapText("一二（三四", 30, measure)).toEqual(["一二", "（三四"]);
    expect(wrapText("一二“三”", 30, measure)).toEqual(["一二", "“三”"]);
  });

  test("kinsoku holds over a long text at many widths", () => {
    const text = "企业有检查、阻止未经许可的人员进入企业生产经营场所的书面制度和程序（见《场所安全管理制度》第3条）。访客要佩戴临时身份标识，并且有内部人员陪同；“重要区域”另行登记！";
    // From 30 up every glued group (at most three characters here) fits on a line.
    for (let width = 30; width <= 200; width += 5) {
      const lines = wrapText(text, width, measure);
      expect(lines.join("")).toBe(text);
      lines.forEach((line, i) => {
        if (i > 0) expect(closingPunctuation.has(line[0] ?? "")).toBe(false);
        if (i < lines.length - 1) expect(openingPunctuation.has(line[line.length - 1] ?? "")).toBe(false);
        expect(measure(line)).toBeLessThanOrEqual(width);
      });
    }
  });

  test('"\\n" starts a new line; an empty paragraph is an empty line', () => {
    expect(wrapText("一\n\n二", 100, measure)).toEqual(["一", "", "二"]);
    expect(wrapText("(1) first\r\n(2) second", 100, measure)).toEqual(["(1) first", "(2) second"]);
  });

  test("a word longer than the line breaks by character", () => {
    expect(wrapText("abcdefghijklmnop", 30, measure)).toEqual(["abcdef", "ghijkl", "mnop"]);
    // The current line is filled first, so a long hash does not leave a half-empty line above it.
    expect(wrapText("ab abcdefghijklmnop", 30, measure)).toEqual(["ab abc", "defghi", "jklmno", "p"]);
  });

  test("every line fits", () => {
    const text = "QP-07 场所安全管理制度 v3 (2026-01-01) / Premises security policy, SHA-256 9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7";
    for (let width = 20; width <= 300; width += 7) {
      for (const line of wrapText(text, width, measure)) expect(measure(line)).toBeLessThanOrEqual(width);
    }
  });

  test("measures each token once, not the growing line", () => {
    let calls = 0;
    const counting: Measure = (text) => {
      calls++;
      return measure(text);
    };
    const text = "海关认证企业标准".repeat(500);
    const lines = wrapText(text, 200, counting);
    expect(lines).toHaveLength(200);
    expect(calls).toBe(text.length);
  });

  test("empty text gives one empty line", () => {
    expect(wrapText("", 100, measure)).toEqual([""]);
  });
});
