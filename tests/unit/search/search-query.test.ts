// How a search text is read: words, identifier prefixes, references, and what gets marked.
import { describe, expect, test } from "vitest";
import { highlightPrefix, highlightWords, parseSearchQuery } from "~/lib/search/search-query";

describe("parseSearchQuery", () => {
  test("a Chinese name is words only: no identifier, no reference", () => {
    const query = parseSearchQuery("  苏州   示例物流 ");
    expect(query).toMatchObject({ ok: true, text: "苏州 示例物流", words: ["苏州", "示例物流"], containerPrefix: null, sealPrefix: null, usccPrefix: null, references: [] });
  });

  test("a container number as people write it becomes the stored form", () => {
    const query = parseSearchQuery("msku 123456-5");
    expect(query.ok && query.containerPrefix).toBe("MSKU1234565");
  });

  test("a reference needs its prefix; a bare number is an identifier fragment", () => {
    const reference = parseSearchQuery("ca-3");
    expect(reference.ok && reference.references).toEqual([{ kind: "correctiveAction", number: 3 }]);
    expect(parseSearchQuery("INS-000042").ok && parseSearchQuery("INS-000042")).toMatchObject({ references: [{ kind: "inspection", number: 42 }] });
    const bare = parseSearchQuery("42");
    expect(bare.ok && bare.references).toEqual([]);
  });

  test("the Step-12 registers' references, and a document number's piece only when it has a digit", () => {
    const references = (text: string) => (parseSearchQuery(text) as { references: unknown[] }).references;
    expect(references("INC-0007")).toEqual([{ kind: "incident", number: 7 }]);
    expect(references("rec12")).toEqual([{ kind: "cargoReconciliation", number: 12 }]);
    expect(references("CC-3")).toEqual([{ kind: "customsContact", number: 3 }]);
    expect(references("IA-0001")).toEqual([{ kind: "internalAudit", number: 1 }]);
    expect(references("ra-2")).toEqual([{ kind: "riskAssessment", number: 2 }]);
    expect(parseSearchQuery("inv-2026/77.32")).toMatchObject({ documentFragment: "INV-2026/77.32" });
    expect(parseSearchQuery("围墙 攀爬")).toMatchObject({ documentFragment: null });
    expect(parseSearchQuery("ladder")).toMatchObject({ documentFragment: null });
  });

  test("lengths are counted in characters: two Chinese characters are enough, one is not", () => {
    expect(parseSearchQuery("苏州").ok).toBe(true);
    expect(parseSearchQuery("苏")).toMatchObject({ ok: false, problem: "tooShort" });
    expect(parseSearchQuery("a".repeat(101))).toMatchObject({ ok: false, problem: "tooLong" });
    expect(parseSearchQuery(null)).toMatchObject({ ok: false, problem: "empty" });
  });

  test("control characters (a NUL, which PostgreSQL refuses) are spaces", () => {
    expect(parseSearchQuery("苏州\u0000物流\u0007")).toMatchObject({ ok: true, text: "苏州 物流", words: ["苏州", "物流"] });
  });

  test("full-width input (a Chinese input method) is read as ASCII", () => {
    const query = parseSearchQuery("ＤＯＳ－１");
    expect(query.ok && query.references).toEqual([{ kind: "dossier", number: 1 }]);
  });
});

describe("highlighting", () => {
  test("every occurrence of every word, in any case, the longest first", () => {
    expect(highlightWords("Suzhou Demo Logistics demo", ["demo", "LOGISTICS"])).toEqual([
      { text: "Suzhou ", match: false },
      { text: "Demo", match: true },
      { text: " ", match: false },
      { text: "Logistics", match: true },
      { text: " ", match: false },
      { text: "demo", match: true },
    ]);
    expect(highlightWords("苏州示例物流有限公司", ["示例", "示例物流"])).toEqual([
      { text: "苏州", match: false },
      { text: "示例物流", match: true },
      { text: "有限公司", match: false },
    ]);
  });

  test("regular-expression characters in a word are plain text", () => {
    expect(highlightWords("A (B) C", ["(b)"])).toEqual([
      { text: "A ", match: false },
      { text: "(B)", match: true },
      { text: " C", match: false },
    ]);
  });

  test("an identifier is marked by its beginning", () => {
    expect(highlightPrefix("MSKU1234565", 6)).toEqual([
      { text: "MSKU12", match: true },
      { text: "34565", match: false },
    ]);
  });
});
