// The lighting check: the areas listed by 海关高级认证企业标准（2022）（34）照明 and CTPAT MSC 9.6
// (entrances and exits, cargo handling and storage, fence lines, parking; docs/criteria.md),
// with WCO SAFE AEO requirement I; gates are split out from entrances as the patrol needs them.

import type { CatalogTemplate, TemplateCriterionRef, TemplateItem } from "./types";

const lightingCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2014-general", key: "21" },
  { framework: "cn-2022-advanced", key: "34" },
  { framework: "ctpat-msc", key: "9.6" },
  { framework: "wco-safe-aeo", key: "I" },
];

function area(key: string, number: string, promptZh: string, promptEn: string, guidanceZh: string, guidanceEn: string): TemplateItem {
  return {
    key,
    number,
    promptZh,
    promptEn,
    guidanceZh,
    guidanceEn,
    answer: "pass_fail_na",
    required: true,
    // A night photo of a dark area proves little; the note says which lamp is out.
    failRequiresPhoto: false,
    failRequiresNote: true,
    criteria: lightingCriteria,
  };
}

export const lightingCheck: CatalogTemplate = {
  code: "lighting-check",
  version: 1,
  titleZh: "照明检查",
  titleEn: "Lighting check",
  descriptionZh: "在夜间或光线不足时，按企业制度规定的频次检查经营场所重要敏感区域的照明是否充足，并统计不亮或损坏的灯具。",
  descriptionEn:
    "Use after dark, as often as the site procedure says, to check that the key areas of the premises are well lit and to count the lamps out of order.",
  sourceZh:
    "海关高级认证企业标准（2022）第（34）项；CTPAT 最低安全标准 9.6；海关认证企业标准（一般认证）（2014）第21项；WCO SAFE 标准框架 AEO 要求 I（场所安全）",
  sourceEn:
    "China Customs Advanced Certified Enterprise Standard (2022) sub-item (34); CTPAT Minimum Security Criteria 9.6; China Customs Certified Enterprise Standard, General Certification (2014) item 21; WCO SAFE AEO requirement I (premises security)",
  definition: {
    kind: "lighting",
    releaseGate: false,
    supervisorSignoff: "none",
    actionDueDays: 7,
    header: [{ field: "area", required: false }],
    sections: [
      {
        key: "lighting",
        titleZh: "照明区域",
        titleEn: "Lit areas",
        items: [
          area(
            "entrances-exits",
            "1",
            "出入口",
            "Entrances and exits",
            "建筑物及场区出入口照明充足，能看清进出人员的面部。",
            "Building and site entrances well lit; faces of people coming and going can be seen.",
          ),
          area(
            "gates",
            "2",
            "车辆及人员大门",
            "Vehicle and pedestrian gates",
            "大门及门卫室前照明充足，能看清人员面部、车牌和证件。",
            "Gates and the area in front of the gatehouse well lit; faces, number plates and ID documents can be read.",
          ),
          area(
            "loading-areas",
            "3",
            "货物装卸区域",
            "Loading and unloading areas",
            "装卸平台、月台及箱门位置照明充足，便于检查箱体和封条。",
            "Docks and door positions well lit enough to inspect containers and seals.",
          ),
          area(
            "storage-areas",
            "4",
            "货物仓储区域",
            "Cargo storage areas",
            "仓库内外及堆场照明充足，无明显暗区。",
            "Warehouse inside and out and the yard well lit, no dark spots.",
          ),
          area(
            "fence-lines",
            "5",
            "围墙（围栏）沿线",
            "Fence lines",
            "围墙沿线照明连续，无断档，能看清靠近围墙的人员。",
            "Lighting continuous along the fence, no gaps; anyone near the fence can be seen.",
          ),
          area(
            "parking-areas",
            "6",
            "停车区域",
            "Parking areas",
            "员工、访客及货车停车区照明充足，能看清车辆和车牌。",
            "Staff, visitor and truck parking well lit; vehicles and number plates can be seen.",
          ),
          {
            key: "lamps-out",
            number: "7",
            promptZh: "不亮或损坏的灯具数量",
            promptEn: "Lamps out of order",
            guidanceZh: "填写本次检查发现的不亮或损坏灯具总数（盏）；大于0时在备注中写明位置。",
            guidanceEn: "The total number of lamps found not working in this check; if more than 0, say where in the note.",
            answer: "number",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            failAbove: 0,
            criteria: lightingCriteria,
          },
        ],
      },
    ],
  },
};
