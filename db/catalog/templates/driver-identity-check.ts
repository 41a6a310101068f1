// The driver identity check and cargo pickup log: CTPAT MSC 10.3 (government photo ID) and 10.4 (pickup-log
// fields, docs/criteria.md), 海关认证企业标准（一般认证）（2014）第27项（2）, 海关高级认证企业标准（2022）（46）
// 司机身份核实 and WCO SAFE AEO requirement H.

import type { CatalogTemplate, TemplateCriterionRef } from "./types";

const identityCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2014-general", key: "27" },
  { framework: "cn-2022-advanced", key: "46" },
  { framework: "ctpat-msc", key: "10.3" },
  { framework: "wco-safe-aeo", key: "H" },
];

export const driverIdentityCheck: CatalogTemplate = {
  code: "driver-identity-check",
  version: 1,
  titleZh: "司机身份核实及提货登记",
  titleEn: "Driver identity check and cargo pickup log",
  descriptionZh: "司机到场提货或送货时使用：在接收或放行货物前核实司机身份，并登记司机、所属单位、车辆、到离时间及离场封条号。",
  descriptionEn:
    "Use whenever a driver arrives to collect or deliver cargo: verify the driver's identity before cargo is received or released, and log the driver, employer, vehicles, arrival and departure times and the seal at departure.",
  sourceZh:
    "CTPAT 最低安全标准 10.3、10.4；海关高级认证企业标准（2022）第（46）项；海关认证企业标准（一般认证）（2014）第27项；WCO SAFE 标准框架 AEO 要求 H（运输工具安全）",
  sourceEn:
    "CTPAT Minimum Security Criteria 10.3 and 10.4; China Customs Advanced Certified Enterprise Standard (2022) sub-item (46); China Customs Certified Enterprise Standard, General Certification (2014) item 27; WCO SAFE AEO requirement H (conveyance security)",
  definition: {
    kind: "driver",
    releaseGate: true,
    supervisorSignoff: "none",
    actionDueDays: 1,
    header: [
      { field: "driverName", required: true },
      { field: "driverIdType", required: true },
      { field: "driverIdNumber", required: true },
      { field: "driverEmployer", required: true },
      { field: "truckPlate", required: true },
      { field: "trailerNumber", required: false },
      { field: "arrivalTime", required: true },
      { field: "departureTime", required: false },
      { field: "sealAtDeparture", required: false },
      { field: "shipmentRef", required: false },
    ],
    sections: [
      {
        key: "identity",
        titleZh: "身份核实",
        titleEn: "Identity check",
        items: [
          // The ID points never ask for a photo: a picture of a person's ID card is personal information
          // (个人信息保护法) the check does not need; the ID type and number in the header are the record.
          {
            key: "photo-id-valid",
            number: "1",
            promptZh: "出示政府签发的有效带照片身份证件",
            promptEn: "Valid government photo ID presented",
            guidanceZh: "居民身份证、护照或机动车驾驶证等，在有效期内、无涂改；在表头登记证件类型和号码，不拍摄证件。",
            guidanceEn:
              "National ID card, passport or driving licence, in date and not altered. Record its type and number in the header; do not photograph it.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: identityCriteria,
          },
          {
            key: "photo-matches-driver",
            number: "2",
            promptZh: "证件照片与司机本人相符",
            promptEn: "Photo on the ID matches the driver",
            guidanceZh: "当面比对证件照片与本人面部特征；有疑问时请司机摘下帽子、口罩或墨镜。",
            guidanceEn: "Compare the photo with the driver's face in person; if in doubt, ask them to remove a cap, mask or sunglasses.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: identityCriteria,
          },
          {
            key: "matches-pre-advice",
            number: "3",
            promptZh: "司机、牵引车及挂车与预约提货信息一致",
            promptEn: "Driver, truck and trailer match the pre-advised pickup",
            guidanceZh: "核对承运人预先通知的司机姓名、车牌号和挂车号；不一致时不得装货或放货，应联系承运人核实并报告主管。",
            guidanceEn:
              "Check the driver's name, truck plate and trailer number against the carrier's advance notice. If they differ, do not load or release: call the carrier and tell the supervisor.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: [...identityCriteria, { framework: "ctpat-msc", key: "10.4" }],
          },
        ],
      },
      {
        key: "departure",
        titleZh: "离场",
        titleEn: "Departure",
        items: [
          {
            key: "seal-matches-documents",
            number: "4",
            promptZh: "离场封条号与装运单证一致",
            promptEn: "Seal number at departure matches the shipping documents",
            guidanceZh: "离场前确认封条完好，号码与提单、装箱单等单证一致，并登记在表头；无施封货物离场时选择“不适用”。",
            guidanceEn:
              "Before departure, check the seal is intact and its number matches the bill of lading or packing list, and record it in the header. Choose N/A when nothing leaves sealed.",
            answer: "pass_fail_na",
            required: false,
            failRequiresPhoto: true,
            failRequiresNote: true,
            criteria: [{ framework: "ctpat-msc", key: "10.4" }],
          },
        ],
      },
    ],
  },
};
