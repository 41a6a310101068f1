// The current CTPAT 17-point tractor and trailer inspection (MSC 5.3): 7 tractor points then 10 trailer
// points, in the order of docs/criteria.md, "Inspection point lists". Numbered T1–T7 (tractor) and
// R1–R10 (trailer).
// Not the legacy pre-2019 "17-point truck & trailer" list, which numbers 1–17 and mixes the two.

import { pestSection } from "./container-7-point";
import type { CatalogTemplate, TemplateCriterionRef, TemplateItem } from "./types";

const conveyanceCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2014-general", key: "27" },
  { framework: "cn-2022-advanced", key: "51" },
  { framework: "ctpat-msc", key: "5.3" },
  { framework: "wco-safe-aeo", key: "H" },
];

// The trailer box points (R4–R10) are the seven-point method applied to a box trailer, which the 2022
// standard counts as a container (item 13 preamble: box vans included), so they also serve (43).
const trailerBoxCriteria: readonly TemplateCriterionRef[] = [
  ...conveyanceCriteria,
  { framework: "cn-2022-advanced", key: "43" },
];

function point(
  key: string,
  number: string,
  promptZh: string,
  promptEn: string,
  guidanceZh: string,
  guidanceEn: string,
  criteria: readonly TemplateCriterionRef[],
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

/** Version 1, as inspections up to Step 12 were recorded against it: kept, unchanged, and loaded. */
export const conveyanceSeventeenPointV1: CatalogTemplate = {
  code: "conveyance-17-point",
  version: 1,
  titleZh: "牵引车及挂车十七点检查",
  titleEn: "Tractor and trailer 17-point inspection",
  descriptionZh:
    "牵引车和挂车在装货前以及进出堆场时使用，逐点检查易于藏匿物品的部位。装运集装箱时，箱体另按集装箱七点检查表检查。",
  descriptionEn:
    "Use before loading a tractor and trailer, and when they enter or leave the yard, to check every place where items could be hidden. For a container load, also inspect the box with the container 7-point checklist.",
  sourceZh:
    "CTPAT 最低安全标准 5.3（牵引车7点、挂车10点）；海关高级认证企业标准（2022）第（51）项；海关认证企业标准（一般认证）（2014）第27项；WCO SAFE 标准框架 AEO 要求 H（运输工具安全）",
  sourceEn:
    "CTPAT Minimum Security Criteria 5.3 (7 tractor and 10 trailer points); China Customs Advanced Certified Enterprise Standard (2022) sub-item (51); China Customs Certified Enterprise Standard, General Certification (2014) item 27; WCO SAFE AEO requirement H (conveyance security)",
  definition: {
    kind: "conveyance",
    releaseGate: true,
    supervisorSignoff: "optional",
    actionDueDays: 1,
    header: [
      { field: "truckPlate", required: true },
      { field: "trailerNumber", required: true },
      { field: "containerNumber", required: false },
      { field: "sealNumbers", required: false },
      { field: "shipmentRef", required: false },
      { field: "driverName", required: false },
      { field: "area", required: false },
    ],
    sections: [
      {
        key: "tractor",
        titleZh: "牵引车",
        titleEn: "Tractor",
        items: [
          point(
            "tractor-bumper-tires-rims",
            "T1",
            "保险杠、轮胎、轮辋",
            "Bumper, tyres and rims",
            "查看保险杠内侧和后方，无藏物空间或加装物；敲击轮胎听声，检查轮辋和轮毂内无夹藏物品。",
            "Look inside and behind the bumper for hiding places or add-ons; tap the tyres (a dull sound may mean something inside); check rims and hubs.",
            conveyanceCriteria,
          ),
          point(
            "tractor-doors-compartments",
            "T2",
            "车门、工具箱及锁闭装置",
            "Doors, tool compartments and locks",
            "车门内饰板和工具箱内无异物，无新装螺钉或改装痕迹；锁闭装置完好、锁闭有效。",
            "Door panels and tool boxes: nothing foreign, no new screws or signs of alteration; locks intact and working.",
            conveyanceCriteria,
          ),
          point(
            "tractor-battery-box",
            "T3",
            "电瓶箱",
            "Battery box",
            "打开电瓶箱，内部仅有电瓶和线缆，无假电瓶或夹藏物品。",
            "Open the battery box: only batteries and cables inside, no dummy battery or hidden items.",
            conveyanceCriteria,
          ),
          point(
            "tractor-air-breather",
            "T4",
            "空气滤清器（进气口）",
            "Air breather",
            "打开空气滤清器或进气管检查，内部仅有滤芯，无异物。",
            "Open the air breather or intake: only the filter inside, nothing foreign.",
            conveyanceCriteria,
          ),
          point(
            "tractor-fuel-tanks",
            "T5",
            "油箱",
            "Fuel tanks",
            "油箱表面无新焊缝、补丁或撬痕；敲击听声，声音异常可能有隔层；油箱盖和油管无改装。",
            "No new welds, patches or pry marks; tap the tank (an odd sound may mean a false compartment); cap and fuel lines not altered.",
            conveyanceCriteria,
          ),
          point(
            "tractor-cab-sleeper",
            "T6",
            "驾驶室内部储物格及卧铺",
            "Interior cab compartments and sleeper",
            "检查储物格、座椅下方、卧铺及床垫下、顶棚和仪表台：无夹层、松动面板，无未申报物品或人员。",
            "Check storage compartments, under the seats, the sleeper and under the mattress, headliner and dashboard: no false or loose panels, no undeclared goods or persons.",
            conveyanceCriteria,
          ),
          point(
            "tractor-fairing-roof",
            "T7",
            "导流罩及车顶",
            "Fairing and roof",
            "查看导流罩内部及驾驶室顶部，无藏匿物品或改装痕迹。",
            "Look inside the fairing and on the cab roof: nothing hidden, no signs of alteration.",
            conveyanceCriteria,
          ),
        ],
      },
      {
        key: "trailer",
        titleZh: "挂车",
        titleEn: "Trailer",
        items: [
          point(
            "trailer-fifth-wheel",
            "R1",
            "牵引座区域（自然空腔、牵引板）",
            "Fifth-wheel area (natural compartment, skid plate)",
            "检查牵引座周围及挂车牵引板下方的自然空腔，无异物、无加装板件。",
            "Check the natural compartments around the fifth wheel and under the skid plate: nothing foreign, no added plates.",
            conveyanceCriteria,
          ),
          point(
            "trailer-exterior-front-sides",
            "R2",
            "外部：前端及两侧",
            "Exterior: front and sides",
            "挂车外部前端和两侧无破损、补丁、新焊缝、新漆或异常铆钉。",
            "Outside front and sides: no damage, patches, new welds, fresh paint or unusual rivets.",
            conveyanceCriteria,
          ),
          point(
            "trailer-rear-bumper-doors",
            "R3",
            "尾部：保险杠及车门",
            "Rear: bumper and doors",
            "尾部保险杠、灯座及车门外侧无藏物空间或改装；车门关闭严密。",
            "Rear bumper, light housings and the outside of the doors: no hiding places or alterations; doors close tightly.",
            conveyanceCriteria,
          ),
          point(
            "trailer-front-wall",
            "R4",
            "前壁",
            "Front wall",
            "敲击前壁听声，声音空洞或发闷可能有夹层；有疑问时测量内外长度并对比。",
            "Tap the wall: a hollow or dull sound may mean a false wall. If in doubt, measure the inside and outside length and compare.",
            trailerBoxCriteria,
          ),
          point(
            "trailer-left-side",
            "R5",
            "左侧壁",
            "Left side",
            "内外对照检查：无补丁、新焊缝或异常铆钉，内衬板无松动。",
            "Compare inside and outside: no patches, new welds or unusual rivets; inner lining not loose.",
            trailerBoxCriteria,
          ),
          point(
            "trailer-right-side",
            "R6",
            "右侧壁",
            "Right side",
            "内外对照检查：无补丁、新焊缝或异常铆钉，内衬板无松动。",
            "Compare inside and outside: no patches, new welds or unusual rivets; inner lining not loose.",
            trailerBoxCriteria,
          ),
          point(
            "trailer-floor",
            "R7",
            "地板",
            "Floor",
            "地板平整、高度一致，与门槛齐平；无新近维修、更换或松动的板块。",
            "Floor flat and of even height, level with the door sill; no recent repairs, replaced or loose boards.",
            trailerBoxCriteria,
          ),
          point(
            "trailer-ceiling-roof",
            "R8",
            "顶板",
            "Ceiling/roof",
            "顶梁可见、高度一致，无补丁或新焊缝；必要时登高或借助镜子查看顶部外侧。",
            "Roof bows visible and height even; no patches or new welds. Use a ladder or mirror to see the top outside if needed.",
            trailerBoxCriteria,
          ),
          point(
            "trailer-doors",
            "R9",
            "车门内外侧及锁闭装置",
            "Inside/outside doors and locks",
            "铰链、锁杆、螺栓和铆钉牢固，无松动或更换痕迹；门封胶条和施封锁扣完好、未经改装。",
            "Hinges, locking bars, bolts and rivets secure, none loose or replaced; door gaskets and seal hasp intact and not altered.",
            [...trailerBoxCriteria, { framework: "ctpat-msc", key: "5.4" }],
          ),
          point(
            "trailer-undercarriage",
            "R10",
            "外部/底部结构",
            "Outside/undercarriage",
            "底部横梁清晰可见，无暗格、加装箱体或新焊缝；检查备胎架、工具箱等附加部件。",
            "Support beams clearly visible; no hidden compartments, added boxes or new welds; check the spare-tyre carrier, tool boxes and other add-ons.",
            trailerBoxCriteria,
          ),
        ],
      },
    ],
  },
};

/**
 * Version 2 (Step 12): the 17 points, then the agricultural point A1, pest contamination (CTPAT 5.3
 * and 8.1). Version 1 stays for the inspections recorded against it.
 */
export const conveyanceSeventeenPoint: CatalogTemplate = {
  ...conveyanceSeventeenPointV1,
  version: 2,
  descriptionZh:
    "牵引车和挂车在装货前以及进出堆场时使用，逐点检查易于藏匿物品的部位，最后检查有害生物污染（A1）。装运集装箱时，箱体另按集装箱七点检查表检查。",
  descriptionEn:
    "Use before loading a tractor and trailer, and when they enter or leave the yard, to check every place where items could be hidden, then for pest contamination (A1). For a container load, also inspect the box with the container 7-point checklist.",
  sourceZh:
    "CTPAT 最低安全标准 5.3（牵引车7点、挂车10点）、8.1（防止有害生物污染）；海关高级认证企业标准（2022）第（51）项；海关认证企业标准（一般认证）（2014）第27项；WCO SAFE 标准框架 AEO 要求 H（运输工具安全）",
  sourceEn:
    "CTPAT Minimum Security Criteria 5.3 (7 tractor and 10 trailer points) and 8.1 (prevention of pest contamination); China Customs Advanced Certified Enterprise Standard (2022) sub-item (51); China Customs Certified Enterprise Standard, General Certification (2014) item 27; WCO SAFE AEO requirement H (conveyance security)",
  definition: {
    ...conveyanceSeventeenPointV1.definition,
    sections: [...conveyanceSeventeenPointV1.definition.sections, pestSection([{ framework: "ctpat-msc", key: "5.3" }])],
  },
};
