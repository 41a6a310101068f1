// The building inspection and repair record: 海关认证企业标准（一般认证）（2014）第21项（2）（3）,
// 海关高级认证企业标准（2022）（32）建筑物 and（33）锁闭装置, CTPAT MSC 9.1 and 9.2 (fencing inspected and
// repaired) and WCO SAFE AEO requirement I (docs/criteria.md, "Cross-walk": premises).

import type { CatalogTemplate, TemplateCriterionRef, TemplateItem } from "./types";

const buildingCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2014-general", key: "21" },
  { framework: "cn-2022-advanced", key: "32" },
  { framework: "ctpat-msc", key: "9.1" },
  { framework: "wco-safe-aeo", key: "I" },
];

function part(
  key: string,
  number: string,
  promptZh: string,
  promptEn: string,
  guidanceZh: string,
  guidanceEn: string,
  criteria: readonly TemplateCriterionRef[] = buildingCriteria,
): TemplateItem {
  return {
    key,
    number,
    promptZh,
    promptEn,
    guidanceZh,
    guidanceEn,
    answer: "pass_fail_na",
    required: true,
    failRequiresPhoto: true,
    failRequiresNote: true,
    criteria,
  };
}

export const buildingInspection: CatalogTemplate = {
  code: "building-inspection",
  version: 1,
  titleZh: "建筑物检查及维修记录",
  titleEn: "Building inspection and repair record",
  descriptionZh: "按企业制度规定的频次对各区域建筑物、围墙和锁具进行定期检查时使用，记录发现的问题、已安排的维修及完成情况。",
  descriptionEn:
    "Use for the periodic inspection of each area's buildings, fences and locks, as often as the site procedure says; it records what was found, the repairs ordered and the repairs completed.",
  sourceZh:
    "海关认证企业标准（一般认证）（2014）第21项；海关高级认证企业标准（2022）第（32）、（33）项；CTPAT 最低安全标准 9.1、9.2；WCO SAFE 标准框架 AEO 要求 I（场所安全）",
  sourceEn:
    "China Customs Certified Enterprise Standard, General Certification (2014) item 21; China Customs Advanced Certified Enterprise Standard (2022) sub-items (32) and (33); CTPAT Minimum Security Criteria 9.1 and 9.2; WCO SAFE AEO requirement I (premises security)",
  definition: {
    kind: "building",
    releaseGate: false,
    supervisorSignoff: "optional",
    actionDueDays: 14,
    header: [{ field: "area", required: true }],
    sections: [
      {
        key: "structure",
        titleZh: "建筑结构",
        titleEn: "Structure",
        items: [
          part(
            "walls",
            "1",
            "墙体",
            "Walls",
            "无裂缝、破洞、松动板材或可供进入的缺口。",
            "No cracks, holes, loose panels or gaps someone could get through.",
          ),
          part(
            "roof",
            "2",
            "屋顶",
            "Roof",
            "屋面无破损、漏水；天窗、检修口已锁闭。",
            "No damage or leaks; skylights and roof hatches locked.",
          ),
          part(
            "doors",
            "3",
            "门",
            "Doors",
            "门体及门框完好，关闭严密，无撬痕；卷帘门下沿贴合地面。",
            "Doors and frames sound, closing tightly, no pry marks; roller shutters meet the ground.",
          ),
          part(
            "windows",
            "4",
            "窗户（含防护栏、防盗网）",
            "Windows (bars or grilles where fitted)",
            "玻璃及窗框完好；防护栏、防盗网牢固，无锈断或松动；可开启的窗户锁闭有效。",
            "Glass and frames sound; bars and grilles firm, not rusted through or loose; windows that open lock properly.",
          ),
          part(
            "fences-gates",
            "5",
            "围墙（围栏）及大门",
            "Fences and gates",
            "无破洞、倾斜或底部掏空；顶部防攀设施完好；大门开关及锁闭正常。",
            "No holes, leaning sections or gaps dug underneath; anti-climb toppings intact; gates open, close and lock properly.",
            [...buildingCriteria, { framework: "ctpat-msc", key: "9.2" }],
          ),
          part(
            "locks",
            "6",
            "锁具及锁闭装置",
            "Locks and locking devices",
            "门、窗、大门锁具完好、锁闭有效，无破坏痕迹；电子门禁工作正常。",
            "Locks on doors, windows and gates intact and working, no signs of forcing; electronic access control working.",
            [...buildingCriteria, { framework: "cn-2022-advanced", key: "33" }],
          ),
        ],
      },
      {
        key: "repairs",
        titleZh: "维修情况",
        titleEn: "Repairs",
        items: [
          {
            key: "repairs-ordered",
            number: "7",
            promptZh: "已安排的维修（工单号、维修单位、日期）",
            promptEn: "Repairs ordered (work order no., contractor, date)",
            guidanceZh: "针对本次发现的问题，写明维修工单号、维修单位和计划完成日期。",
            guidanceEn: "For each problem found, the work order number, the contractor and the planned completion date.",
            answer: "text",
            required: false,
            failRequiresPhoto: false,
            failRequiresNote: false,
            // The repair record is itself evidence of "periodic inspection and repair".
            criteria: [...buildingCriteria, { framework: "ctpat-msc", key: "9.2" }],
          },
          {
            key: "repairs-completed",
            number: "8",
            promptZh: "上次检查以来已完成的维修",
            promptEn: "Repairs completed since the last inspection",
            guidanceZh: "列出已完成的维修及完成日期，并现场确认维修效果。",
            guidanceEn: "List the repairs completed and their dates, and confirm on site that they hold.",
            answer: "text",
            required: false,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: [...buildingCriteria, { framework: "ctpat-msc", key: "9.2" }],
          },
        ],
      },
    ],
  },
};
