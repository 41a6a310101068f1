// The container 7-point inspection (8 points for a refrigerated container): the point list and its
// order are docs/criteria.md, "Inspection point lists" (CTPAT MSC 5.3), the same 7 parts as
// 海关高级认证企业标准（2022）（43）七点检查法
// and WCO SAFE AEO requirement G; the door point also serves MSC 5.4 (the whole locking mechanism).

import type { CatalogTemplate, TemplateCriterionRef } from "./types";

const containerCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2014-general", key: "26" },
  { framework: "cn-2022-advanced", key: "43" },
  { framework: "ctpat-msc", key: "5.3" },
  { framework: "wco-safe-aeo", key: "G" },
];

/**
 * Version 1, as inspections up to Step 12 were recorded against it: kept, unchanged, and loaded (a
 * loaded version may not change; new inspections use the newest version of a code).
 */
export const containerSevenPointV1: CatalogTemplate = {
  code: "container-7-point",
  version: 1,
  titleZh: "集装箱七点检查",
  titleEn: "Container 7-point inspection",
  descriptionZh:
    "集装箱（含航空集装器）装货前使用，逐点检查箱体结构的完整性及门锁装置的可靠性；冷藏箱加查冷藏机组风扇罩（第8点）。检查表随装运单证一并留存。",
  descriptionEn:
    "Use before loading any container or ULD: check each part of the structure and the reliability of the door locks; a reefer adds the fan housing (point 8). Keep the checklist with the shipping documents.",
  sourceZh:
    "CTPAT 最低安全标准 5.3、5.4；海关高级认证企业标准（2022）第（43）项；海关认证企业标准（一般认证）（2014）第26项；WCO SAFE 标准框架 AEO 要求 G（货物安全）",
  sourceEn:
    "CTPAT Minimum Security Criteria 5.3 and 5.4; China Customs Advanced Certified Enterprise Standard (2022) sub-item (43); China Customs Certified Enterprise Standard, General Certification (2014) item 26; WCO SAFE AEO requirement G (cargo security)",
  definition: {
    kind: "container",
    releaseGate: true,
    supervisorSignoff: "optional",
    actionDueDays: 1,
    header: [
      { field: "containerNumber", required: true },
      { field: "reefer", required: false },
      { field: "sealNumbers", required: false },
      { field: "shipmentRef", required: false },
      { field: "truckPlate", required: false },
      { field: "area", required: false },
    ],
    sections: [
      {
        key: "container",
        titleZh: "集装箱箱体",
        titleEn: "Container",
        items: [
          {
            key: "front-wall",
            number: "1",
            promptZh: "前壁",
            promptEn: "Front wall",
            guidanceZh:
              "波纹、通风孔和角件清晰可见；用工具敲击前壁，声音空洞或发闷可能有夹层；有疑问时测量箱内外长度并对比。",
            guidanceEn:
              "Corrugations, vents and corner blocks visible. Tap the wall: a hollow or dull sound may mean a false wall. If in doubt, measure the inside and outside length and compare.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: containerCriteria,
          },
          {
            key: "left-side",
            number: "2",
            promptZh: "左侧壁",
            promptEn: "Left side",
            guidanceZh: "内外两侧对照检查：无异常焊缝、铆钉、补丁或新漆；敲击听声，内侧波纹应与外侧一致。",
            guidanceEn:
              "Compare inside and outside: no unusual welds, rivets, patches or fresh paint. Tap it; the corrugations inside should match the outside.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: containerCriteria,
          },
          {
            key: "right-side",
            number: "3",
            promptZh: "右侧壁",
            promptEn: "Right side",
            guidanceZh: "内外两侧对照检查：无异常焊缝、铆钉、补丁或新漆；敲击听声，内侧波纹应与外侧一致。",
            guidanceEn:
              "Compare inside and outside: no unusual welds, rivets, patches or fresh paint. Tap it; the corrugations inside should match the outside.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: containerCriteria,
          },
          {
            key: "floor",
            number: "4",
            promptZh: "地板",
            promptEn: "Floor",
            guidanceZh: "地板平整、高度一致，与门槛齐平；板材颜色和材质统一，无新近维修、更换或松动的板块。",
            guidanceEn:
              "Floor flat and of even height, level with the door sill; boards uniform in colour and material, no recent repairs, replaced or loose boards.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: containerCriteria,
          },
          {
            key: "ceiling-roof",
            number: "5",
            promptZh: "顶板",
            promptEn: "Ceiling/roof",
            guidanceZh: "顶梁可见、高度一致，无补丁、新焊缝或新漆；必要时借助梯子或镜子查看箱顶外侧，有疑问时测量箱内高度。",
            guidanceEn:
              "Roof bows visible and height even; no patches, new welds or fresh paint. Use a ladder or mirror to see the top outside if needed; measure the inside height if in doubt.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: containerCriteria,
          },
          {
            key: "doors",
            number: "6",
            promptZh: "箱门内外侧（含门锁装置的可靠性）",
            promptEn: "Inside/outside doors, including the door locks",
            guidanceZh:
              "铰链、锁杆、锁杆托架和凸轮牢固，铆钉、螺栓无松动或更换痕迹；门封胶条完好；施封锁扣完整、未经改装；箱门开关正常。",
            guidanceEn:
              "Hinges, locking bars, brackets and cams secure; no loose or replaced rivets or bolts; door gaskets intact; seal hasp intact and not altered; doors open and close properly.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: [...containerCriteria, { framework: "ctpat-msc", key: "5.4" }],
          },
          {
            key: "undercarriage",
            number: "7",
            promptZh: "外部/底部结构",
            promptEn: "Outside/undercarriage",
            guidanceZh: "箱体外部无破洞、补丁；底部横梁清晰可见，无暗格、加装板件或新焊缝；检查叉槽和角件，可借助手电和镜子。",
            guidanceEn:
              "No holes or patches outside; support beams clearly visible, no hidden compartments, added plates or new welds; check the forklift pockets and corner castings with a torch and mirror.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: containerCriteria,
          },
          {
            key: "fan-housing",
            number: "8",
            promptZh: "冷藏机组风扇罩",
            promptEn: "Reefer unit fan housing",
            guidanceZh: "查看风扇罩、压缩机舱和控制箱内部，无异物；螺栓、螺钉齐全，无撬动或改装痕迹。",
            guidanceEn:
              "Look inside the fan housing, compressor bay and control box: nothing foreign; bolts and screws complete, no signs of tampering or alteration.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            onlyWhen: "reefer",
            criteria: containerCriteria,
          },
        ],
      },
    ],
  },
};

/**
 * The agricultural point both vehicle inspections end with (CTPAT MSC 5.2/5.3 inspection procedures
 * and 8.1, prevention of pest contamination): visible pests, soil, plant and animal matter, and wood
 * packaging without its ISPM 15 mark. Shared with the tractor/trailer template's version 2.
 */
export function pestSection(criteria: readonly TemplateCriterionRef[]): CatalogTemplate["definition"]["sections"][number] {
  return {
    key: "agricultural",
    titleZh: "农业安全",
    titleEn: "Agricultural security",
    items: [
      {
        key: "pest-contamination",
        number: "A1",
        promptZh: "有害生物污染",
        promptEn: "Pest contamination",
        guidanceZh:
          "箱内外、地板缝隙和底部结构无昆虫、蜗牛、鸟类或啮齿动物及其痕迹（卵、粪便、巢），无泥土、植物或动物残留；木质包装和垫木带有 ISPM 15 标识。发现时拍照，清理或熏蒸后再装货。",
        guidanceEn:
          "No insects, snails, birds or rodents, nor their traces (eggs, droppings, nests), inside, outside, in floor gaps or underneath; no soil, plant or animal matter; wood packaging and dunnage carry the ISPM 15 mark. If found, photograph it and clean or fumigate before loading.",
        answer: "pass_fail_na",
        required: true,
        failRequiresPhoto: true,
        failRequiresNote: true,
        criteria: [...criteria, { framework: "ctpat-msc", key: "8.1" }],
      },
    ],
  };
}

/**
 * Version 2 (Step 12): the seven points (eight for a reefer), then the agricultural point A1, pest
 * contamination (CTPAT 5.3 and 8.1). Version 1 stays for the inspections recorded against it.
 */
export const containerSevenPoint: CatalogTemplate = {
  ...containerSevenPointV1,
  version: 2,
  descriptionZh:
    "集装箱（含航空集装器）装货前使用，逐点检查箱体结构的完整性及门锁装置的可靠性；冷藏箱加查冷藏机组风扇罩（第8点）；最后检查有害生物污染（A1）。检查表随装运单证一并留存。",
  descriptionEn:
    "Use before loading any container or ULD: check each part of the structure and the reliability of the door locks; a reefer adds the fan housing (point 8); then check for pest contamination (A1). Keep the checklist with the shipping documents.",
  sourceZh:
    "CTPAT 最低安全标准 5.3、5.4、8.1；海关高级认证企业标准（2022）第（43）项；海关认证企业标准（一般认证）（2014）第26项；WCO SAFE 标准框架 AEO 要求 G（货物安全）",
  sourceEn:
    "CTPAT Minimum Security Criteria 5.3, 5.4 and 8.1; China Customs Advanced Certified Enterprise Standard (2022) sub-item (43); China Customs Certified Enterprise Standard, General Certification (2014) item 26; WCO SAFE AEO requirement G (cargo security)",
  definition: {
    ...containerSevenPointV1.definition,
    sections: [...containerSevenPointV1.definition.sections, pestSection([{ framework: "ctpat-msc", key: "5.3" }])],
  },
};
