// The built-in contract security clause library: the written requirements a contract or notice puts
// on a partner so that it improves its trade security (2014 标准 item 24 (2) "要求", 2022 标准 (56)
// "建议", CTPAT 3.1/3.5, WCO K). 乙方 / "the Partner" is the partner, 甲方 / "the Company" is the
// organisation using Tradeguard. Every clause serves (56); each also names the control it imposes
// (seals CTPAT 6.2, inspections 5.3, drivers 10.3, background checks 11.2, audits 3.5/3.6).

import type { CatalogClause, ClauseCriterionRef } from "./types";

const cn14 = (key: string): ClauseCriterionRef => ({ framework: "cn-2014-general", key });
const cn22 = (key: string): ClauseCriterionRef => ({ framework: "cn-2022-advanced", key });
const ctpat = (key: string): ClauseCriterionRef => ({ framework: "ctpat-msc", key });
const wco = (key: string): ClauseCriterionRef => ({ framework: "wco-safe-aeo", key });
/** Every clause is a written security requirement on a partner; `extra` names the control it imposes. */
const refs = (...extra: ClauseCriterionRef[]): ClauseCriterionRef[] => [
  cn22("56"),
  cn14("24"),
  ctpat("3.1"),
  wco("K"),
  ...extra,
];

/** The partners that seal, inspect or hand over containers, conveyances and cargo. */
const cargoHandlers = ["manufacturer_supplier", "carrier", "freight_forwarder", "warehouse", "third_party_logistics"] as const;

export const catalogClauses: readonly CatalogClause[] = [
  {
    code: "customs-compliance",
    version: 1,
    titleZh: "遵守海关法律法规",
    titleEn: "Compliance with customs law",
    textZh:
      "乙方应遵守《中华人民共和国海关法》及其他有关法律、行政法规和海关规章，不得从事或协助他人从事走私或其他违反海关监管规定的行为。乙方向甲方或海关提供的单证和数据，包括货物品名、数量、重量、价格和原产地等，应真实、准确、完整。乙方违反本条约定给甲方造成损失或致使甲方海关信用等级受到不利影响的，应承担相应的赔偿责任。",
    textEn:
      "The Partner shall comply with the Customs Law of the People's Republic of China and all other applicable laws, regulations and customs rules, and shall not engage in, or assist others in, smuggling or any other breach of customs control. All documents and data the Partner provides to the Company or to customs, including the description, quantity, weight, value and origin of goods, shall be true, accurate and complete. The Partner shall compensate the Company for any loss, or any adverse effect on the Company's customs credit status, caused by a breach of this clause.",
    requiredByDefault: true,
    roles: [],
    criteria: refs(ctpat("7.8")),
  },
  {
    code: "aeo-status-notice",
    version: 1,
    titleZh: "信用等级及认证资格变更通知",
    titleEn: "Notice of changes in AEO and credit status",
    textZh:
      "乙方的海关信用等级或AEO认证资格（包括海关高级认证、CTPAT认证、欧盟AEO及其他互认国家（地区）的AEO资格）发生变更、被暂停、撤销或降级，或乙方被海关认定为失信企业的，乙方应自该变更发生之日起5个工作日内书面通知甲方。乙方应按甲方要求提供最新的认证证书或信用等级证明。",
    textEn:
      "If the Partner's customs credit status or AEO status (including China Customs advanced certification, CTPAT, EU AEO or the AEO status of any other mutual-recognition country) changes, is suspended, revoked or downgraded, or if customs classifies the Partner as a dishonest enterprise, the Partner shall notify the Company in writing within 5 working days of the change. The Partner shall provide its current certificate or proof of its credit status whenever the Company requests it.",
    requiredByDefault: true,
    roles: [],
    criteria: refs(ctpat("3.4")),
  },
  {
    code: "high-security-seals",
    version: 1,
    titleZh: "高安全封条",
    titleEn: "High-security seals",
    textZh:
      "乙方负责施封的，应在装箱完毕后立即对每一集装箱或厢式车辆施加符合或高于现行ISO 17712标准H级要求的高安全封条，并应甲方要求提供封条符合该标准的证明文件。乙方应指定专人保管和发放封条，逐一登记封条号码、使用日期、箱号或车牌号及施封人员，并防止未经授权人员接触封条。乙方在提货、交接及运输途中应按“查看、核对、拉、拧”（VVTT）方法核验封条，确保封条完好且号码与单证一致。",
    textEn:
      "Where the Partner seals a shipment, it shall seal each container or box trailer immediately after stuffing with a high-security seal that meets or exceeds the current ISO 17712 class H, and shall provide evidence of that conformity at the Company's request. The Partner shall have designated staff keep and issue seals, record each seal number with the date of use, the container or vehicle number and the person who applied it, and keep seals out of reach of unauthorised persons. At pickup, at every hand-over and in transit, the Partner shall verify seals by the View, Verify, Tug and Twist (VVTT) method and ensure that each seal is intact and its number matches the shipping documents.",
    requiredByDefault: true,
    roles: cargoHandlers,
    criteria: refs(cn22("44"), ctpat("6.1"), ctpat("6.2"), ctpat("6.7")),
  },
  {
    code: "container-inspection",
    version: 1,
    titleZh: "装货前检查",
    titleEn: "Pre-loading inspection",
    textZh:
      "乙方在装货前应对集装箱进行七点检查（前壁、左侧、右侧、箱底、箱顶、箱门内外侧及锁闭装置、外部及底部），冷藏集装箱另加查冷藏机组，进行八点检查；对牵引车和挂车应进行十七点检查。检查应确认箱体或车体结构完整、无夹层或改装痕迹且锁闭装置可靠，并形成书面或电子记录，载明箱号或车牌号、检查日期和时间及检查人员。检查发现异常的，乙方不得装货，并应立即通知甲方；检查记录应按甲方要求提供。",
    textEn:
      "Before loading, the Partner shall inspect each container at seven points (front wall, left side, right side, floor, ceiling, inside and outside of the doors including the locking mechanism, and outside and undercarriage), adding the refrigeration unit as an eighth point for reefers, and shall inspect each tractor and trailer at seventeen points. The inspection shall confirm that the structure is intact, free of hidden compartments or alterations, and that the locking mechanism is reliable, and shall be recorded on paper or electronically with the container or vehicle number, the date and time and the inspector's name. If the inspection finds an anomaly, the Partner shall not load and shall notify the Company at once; inspection records shall be provided at the Company's request.",
    requiredByDefault: true,
    roles: cargoHandlers,
    criteria: refs(cn22("43"), cn22("51"), ctpat("5.3"), ctpat("5.5")),
  },
  {
    code: "driver-identity",
    version: 1,
    titleZh: "司机身份核验",
    titleEn: "Driver identification",
    textZh:
      "乙方在收取或交付甲方货物前，应查验司机的政府签发的带照片身份证件（或承运人签发的带照片工作证件），并与事先预报的司机姓名和车牌号核对一致。乙方应登记提货记录，至少载明司机姓名、日期、到达和离开时间、所属单位、牵引车和挂车号码及离开时的封条号，并妥善保管。乙方为承运人的，应确保驾驶员随身携带有效身份证件，并在派车前向甲方预报驾驶员及车辆信息。司机身份无法核实或与预报信息不符的，乙方不得交接货物，并应立即通知甲方。",
    textEn:
      "Before receiving or releasing the Company's cargo, the Partner shall check the driver's government-issued photo ID (or a photo ID issued by the carrier) against the driver name and vehicle number advised in advance. The Partner shall keep a secure cargo pickup log recording at least the driver's name, the date, the arrival and departure times, the driver's employer, the tractor and trailer numbers and the seal number at departure. Where the Partner is the carrier, it shall ensure that its drivers carry valid photo ID and shall advise the Company of the driver and vehicle before dispatch. If a driver's identity cannot be verified or does not match the advice, the Partner shall not hand over the cargo and shall notify the Company at once.",
    requiredByDefault: false,
    roles: cargoHandlers,
    criteria: refs(cn22("46"), ctpat("10.3"), ctpat("10.4")),
  },
  {
    code: "personnel-background-checks",
    version: 1,
    titleZh: "人员背景调查",
    titleEn: "Personnel background checks",
    textZh:
      "乙方应在法律法规允许的范围内，对从事甲方货物装卸、仓储、运输、单证处理及信息系统管理等安全敏感岗位的人员（包括劳务派遣人员和临时人员）在上岗前进行背景调查，核实其身份和工作经历，了解其有无违法犯罪记录，并定期或在有合理理由时进行复查。乙方应保存背景调查记录，并按甲方要求提供已实施调查的证明，但无须提供法律禁止披露的个人信息。",
    textEn:
      "Within the limits of applicable law, the Partner shall screen every person in a security-sensitive post that handles, stores, transports or documents the Company's cargo or manages the related IT systems (including agency and temporary staff) before that person takes up the post, verifying identity and employment history and checking for criminal records, and shall repeat the check periodically or for cause. The Partner shall keep records of these checks and provide evidence that they were carried out at the Company's request, without disclosing personal data the law protects.",
    requiredByDefault: false,
    roles: [],
    criteria: refs(ctpat("11.1"), ctpat("11.2")),
  },
  {
    code: "incident-reporting",
    version: 1,
    titleZh: "安全事件报告",
    titleEn: "Incident reporting",
    textZh:
      "乙方发现涉及甲方货物、单证或运输工具的安全事件，封条缺失、损坏或号码不符，货物短少、溢余，或其他异常及可疑情况的，应在发现后24小时内通知甲方，并随后提供书面说明。依照法律法规应向海关、公安机关或其他执法机关报告的，乙方应依法及时报告，并配合调查。乙方应保存事件记录，并将调查结果及整改措施告知甲方。",
    textEn:
      "The Partner shall notify the Company within 24 hours of discovering any security incident, missing or damaged seal or seal-number discrepancy, shortage or overage, or other anomaly or suspicious activity affecting the Company's cargo, documents or conveyances, and shall follow up with a written account. Where the law requires a report to customs, the police or another law-enforcement authority, the Partner shall make it promptly and cooperate with the investigation. The Partner shall keep a record of each incident and inform the Company of the findings and the corrective actions taken.",
    requiredByDefault: true,
    roles: [],
    criteria: refs(cn22("48"), ctpat("7.23")),
  },
  {
    code: "subcontracting-notice",
    version: 1,
    titleZh: "分包事先通知",
    titleEn: "Notice of subcontracting",
    textZh:
      "未事先书面通知甲方，乙方不得将甲方货物的装卸、仓储、运输或其他处理作业分包或转委托给第三方。经通知后分包或转委托的，乙方应确保分包方遵守不低于本合同约定的安全要求，并对分包方的行为承担责任。",
    textEn:
      "The Partner shall not subcontract or delegate the handling, storage, transport or other processing of the Company's cargo to a third party without prior written notice to the Company. Where the Partner subcontracts after giving such notice, it shall ensure that the subcontractor meets security requirements no less strict than those of this contract, and shall remain responsible for the subcontractor's acts.",
    requiredByDefault: false,
    roles: [],
    criteria: refs(ctpat("3.5")),
  },
  {
    code: "right-to-audit",
    version: 1,
    titleZh: "审核权",
    titleEn: "Right to audit",
    textZh:
      "甲方有权在提前通知乙方后，自行或委托第三方对乙方与甲方业务相关的场所、设施、记录及安全管理措施进行审核或实地走访，乙方应予以配合并提供必要的资料。对审核发现的问题，乙方应在双方商定的期限内完成整改，并向甲方提供整改措施已落实的书面证据。",
    textEn:
      "The Company may, on notice to the Partner, audit or visit, itself or through a third party, the Partner's premises, facilities, records and security measures that relate to the Company's business, and the Partner shall cooperate and provide the necessary information. The Partner shall correct any findings within a period agreed by the parties and shall give the Company documentary evidence that the corrective actions have been implemented.",
    requiredByDefault: true,
    roles: [],
    criteria: refs(cn22("57"), ctpat("3.5"), ctpat("3.6")),
  },
];
