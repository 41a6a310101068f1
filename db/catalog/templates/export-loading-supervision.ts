// Export loading supervision (装箱监装): a designated person watches the loading of export goods from
// the empty container to the seal and keeps the record, with photos of each stage. The stages follow
// 海关高级认证企业标准（2022）（49）出口监装 and（44）集装箱/封志, CTPAT MSC 7.4/7.5 (loading supervised,
// photos of the seal) and 6.2 (seal right after stuffing), 海关认证企业标准（一般认证）（2014）第25、26项
// and WCO SAFE AEO requirement G.

import type { CatalogTemplate, TemplateCriterionRef } from "./types";

const ref = (
  framework: TemplateCriterionRef["framework"],
  key: string,
): TemplateCriterionRef => ({ framework, key });

const supervision: readonly TemplateCriterionRef[] = [
  ref("cn-2014-general", "25"),
  ref("cn-2022-advanced", "49"),
  ref("ctpat-msc", "7.4-7.5"),
  ref("wco-safe-aeo", "G"),
];
const container: readonly TemplateCriterionRef[] = [
  ...supervision,
  ref("cn-2014-general", "26"),
  ref("cn-2022-advanced", "44"),
];
const seal: readonly TemplateCriterionRef[] = [
  ...container,
  ref("ctpat-msc", "6.2"),
];

export const exportLoadingSupervision: CatalogTemplate = {
  code: "export-loading-supervision",
  version: 1,
  titleZh: "装箱监装",
  titleEn: "Export loading supervision",
  descriptionZh:
    "出口货物装箱时由指定监装人员全程在场使用：空箱检查、装货过程、施封前满箱、施加封志并核对封志号，各环节拍照留存，监装主管签字确认。",
  descriptionEn:
    "Use while export goods are loaded, with the designated supervisor present throughout: the empty container, loading in progress, the full container before sealing, the seal applied and its number checked, each stage photographed, and the supervisor's sign-off.",
  sourceZh:
    "海关高级认证企业标准（2022）第（44）项、第（49）项；海关认证企业标准（一般认证）（2014）第25项、第26项；CTPAT 最低安全标准 6.2、7.4、7.5；WCO SAFE 标准框架 AEO 要求 G（货物安全）",
  sourceEn:
    "China Customs Advanced Certified Enterprise Standard (2022) sub-items (44) and (49); China Customs Certified Enterprise Standard, General Certification (2014) items 25 and 26; CTPAT Minimum Security Criteria 6.2, 7.4 and 7.5; WCO SAFE AEO requirement G (cargo security)",
  definition: {
    kind: "loading",
    releaseGate: false,
    supervisorSignoff: "required",
    actionDueDays: 1,
    header: [
      { field: "containerNumber", required: true },
      { field: "sealNumbers", required: true },
      { field: "shipmentRef", required: true },
      { field: "truckPlate", required: false },
      { field: "area", required: false },
    ],
    sections: [
      {
        key: "empty",
        titleZh: "空箱检查",
        titleEn: "Empty container",
        items: [
          {
            key: "empty-checked",
            number: "1",
            promptZh: "空箱已完成七点检查，箱内清洁、无异物",
            promptEn:
              "Empty container passed its 7-point inspection; clean, nothing inside",
            guidanceZh:
              "装货前核对该箱的七点检查记录；箱内无杂物、异味、水渍或可藏匿物品的空间。",
            guidanceEn:
              "Check the container's 7-point inspection before loading starts; no debris, odour, water or space where something could be hidden.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: container,
          },
          {
            key: "empty-photo",
            number: "1P",
            promptZh: "空箱照片（箱门打开，可见箱内）",
            promptEn: "Photo of the empty container, doors open",
            answer: "photo",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: container,
          },
        ],
      },
      {
        key: "loading",
        titleZh: "装货过程",
        titleEn: "Loading",
        items: [
          {
            key: "supervisor-present",
            number: "2",
            promptZh: "监装人员全程在场，装货区域无无关人员",
            promptEn:
              "Supervisor present throughout; no unauthorised people in the loading area",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: supervision,
          },
          {
            key: "goods-match-order",
            number: "3",
            promptZh: "装箱货物的品名、件数、唛头与装箱单／出货单一致",
            promptEn:
              "Goods, package count and marks match the packing list / shipping order",
            guidanceZh:
              "逐托清点件数，核对唛头和标签；不一致时停止装货并记录差异。",
            guidanceEn:
              "Count pallet by pallet, check marks and labels; stop loading and record any difference.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: [
              ...supervision,
              ref("cn-2022-advanced", "47"),
              ref("ctpat-msc", "7.27-7.28"),
            ],
          },
          {
            key: "loading-photo",
            number: "3P",
            promptZh: "装货过程照片",
            promptEn: "Photo of loading in progress",
            answer: "photo",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: supervision,
          },
          {
            key: "full-photo",
            number: "4P",
            promptZh: "施封前满箱照片（箱门打开）",
            promptEn:
              "Photo of the loaded container before sealing, doors open",
            answer: "photo",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: supervision,
          },
        ],
      },
      {
        key: "seal",
        titleZh: "施封",
        titleEn: "Seal",
        items: [
          {
            key: "seal-applied",
            number: "5",
            promptZh: "装货完毕后立即施加高安全封志，封志号与单证一致",
            promptEn:
              "High-security seal applied right after loading; its number matches the documents",
            guidanceZh:
              "采用 VVTT 方法：查看、核对、拉拽、扭转；封志号与封志登记、装箱单和提单一致。",
            guidanceEn:
              "Use VVTT: view, verify, tug, twist; the number matches the seal register, the packing list and the B/L.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: seal,
          },
          {
            key: "seal-photo",
            number: "5P",
            promptZh: "封志照片（封志号清晰可辨）",
            promptEn: "Photo of the seal, its number readable",
            answer: "photo",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: seal,
          },
          {
            key: "supervisor-note",
            number: "6",
            promptZh: "监装人员说明（如有异常）",
            promptEn: "Supervisor's remarks (anything unusual)",
            answer: "text",
            required: false,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: supervision,
          },
        ],
      },
    ],
  },
};
