// What the registry's record types feed, checked against the criteria texts (docs/criteria.md): the
// seal records feed CN-2014 item 25 (cargo security), not item 26 (container security: the
// pre-loading inspection, no seal clause); a crisis drill feeds CTPAT 2.4 (crisis management and
// business continuity), not 12.7-12.10 (specialised training topics). Pure: no database.
import { describe, expect, test } from "vitest";
import { catalogCrosswalk, catalogFrameworks } from "../../../db/catalog/index";
import type { CatalogCriterion } from "../../../db/catalog/types";
import { evidenceRecordTypes, recordTypesFeeding } from "~/lib/evidence/evidence-registry";

const refs = (type: keyof typeof evidenceRecordTypes) => evidenceRecordTypes[type].feeds.map((f) => `${f.framework}/${f.key}`);

function walk(nodes: readonly CatalogCriterion[]): CatalogCriterion[] {
  return nodes.flatMap((node) => [node, ...walk(node.children ?? [])]);
}
const textOf = (framework: string, key: string) => {
  const node = walk(catalogFrameworks.find((f) => f.code === framework)?.criteria ?? []).find((n) => n.key === key);
  return node ? `${node.titleZh} ${node.textZh}` : "";
};

describe("seal records and CN-2014", () => {
  test("item 26 speaks of no seal; item 25 is cargo integrity in transport", () => {
    expect(textOf("cn-2014-general", "26")).not.toContain("封");
    expect(textOf("cn-2014-general", "25")).toContain("运输");
  });

  test("applying, verifying and reporting seals feed item 25, and no seal record feeds item 26", () => {
    for (const type of ["seal_application", "seal_verification", "seal_report"] as const) {
      expect(refs(type), type).toContain("cn-2014-general/25");
    }
    const sealTypes = ["seal_application", "seal_verification", "seal_report", "seal_audit", "seal_model"] as const;
    for (const type of sealTypes) expect(refs(type), type).not.toContain("cn-2014-general/26");
    expect(recordTypesFeeding({ framework: "cn-2014-general", key: "26" }).filter((t) => t.startsWith("seal_"))).toEqual([]);
  });

  test("the cross-walk's containers-and-seals topic names item 25 beside item 26", () => {
    const topic = catalogCrosswalk.find((t) => t.key === "containers-seals");
    const members = topic?.members.map((m) => `${m.framework}/${m.key}`) ?? [];
    expect(members).toEqual(expect.arrayContaining(["cn-2014-general/25", "cn-2014-general/26"]));
  });
});

describe("crisis drills", () => {
  test("feed CTPAT 2.4 (crisis management and business continuity), not the specialised training topics 12.7-12.10", () => {
    expect(refs("drill")).toContain("ctpat-msc/2.4");
    expect(refs("drill")).not.toContain("ctpat-msc/12.7-12.8-12.9-12.10");
    expect(textOf("ctpat-msc", "2.4")).toContain("危机");
  });

  test("the cross-walk's crisis topic holds 2.4 and not 12.7-12.10", () => {
    const members = catalogCrosswalk.find((t) => t.key === "crisis")?.members.map((m) => `${m.framework}/${m.key}`) ?? [];
    expect(members).toContain("ctpat-msc/2.4");
    expect(members).not.toContain("ctpat-msc/12.7-12.8-12.9-12.10");
  });
});
