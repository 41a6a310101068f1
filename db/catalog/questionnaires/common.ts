// What the built-in questionnaires share: the criteria every question serves, the plain answer
// options, and the question asked of every partner in the same words.

import type { Question, QuestionCriterionRef, QuestionOption } from "./types";

export const cn14 = (key: string): QuestionCriterionRef => ({ framework: "cn-2014-general", key });
export const cn22 = (key: string): QuestionCriterionRef => ({ framework: "cn-2022-advanced", key });
export const ctpat = (key: string): QuestionCriterionRef => ({ framework: "ctpat-msc", key });
export const wco = (key: string): QuestionCriterionRef => ({ framework: "wco-safe-aeo", key });
/** Every question is part of the comprehensive partner evaluation; `extra` names what it also serves. */
export const refs = (...extra: QuestionCriterionRef[]): QuestionCriterionRef[] => [
  cn22("55"),
  cn14("24"),
  ctpat("3.1"),
  wco("K"),
  ...extra,
];

export const yes: QuestionOption = { key: "yes", labelZh: "是", labelEn: "Yes", score: 100 };
export const partly: QuestionOption = { key: "partly", labelZh: "部分做到", labelEn: "Partly", score: 50 };
export const no: QuestionOption = { key: "no", labelZh: "否", labelEn: "No", score: 0 };

/** Credit China and the enterprise credit publicity system, the same for every role. */
export const dishonestListing: Question = {
  key: "dishonest-listing",
  category: "compliance",
  textZh: "近1年内，贵司或贵司法定代表人（负责人）是否被列入严重失信主体名单、失信被执行人名单或经营异常名录？",
  textEn:
    "In the last year, has your company or its legal representative been listed as a seriously dishonest entity, a dishonest judgment debtor, or in the abnormal-operations list?",
  helpZh: "我司将通过“信用中国”网站和国家企业信用信息公示系统核实；如有列入记录，请说明原因及移出情况。",
  helpEn: "We check Credit China and the National Enterprise Credit Information Publicity System; explain any listing and its removal.",
  weight: 5,
  options: [
    { key: "no", labelZh: "均未列入", labelEn: "Not listed", score: 100 },
    {
      key: "abnormal-removed",
      labelZh: "曾被列入经营异常名录，现已移出",
      labelEn: "Was in the abnormal-operations list, since removed",
      score: 60,
    },
    { key: "abnormal", labelZh: "目前被列入经营异常名录", labelEn: "Currently in the abnormal-operations list", score: 20 },
    {
      key: "dishonest",
      labelZh: "被列入严重失信主体名单或失信被执行人名单",
      labelEn: "Listed as seriously dishonest or as a dishonest judgment debtor",
      score: 0,
      critical: true,
    },
  ],
  criteria: refs(),
};

/** Smuggling and customs penalties in the last 2 years (brokers and carriers are asked in words of their own). */
export const smugglingRecord: Question = {
  key: "smuggling-record",
  category: "compliance",
  textZh: "近2年内，贵司是否因走私或违反海关监管规定受到海关处罚或被追究刑事责任？",
  textEn: "In the last 2 years, has your company been penalised by customs, or prosecuted, for smuggling or for breaching customs rules?",
  helpZh: "如有处罚，请注明处罚决定书编号、日期、事由及整改情况，我司将通过海关信用信息平台及裁判文书网核实。",
  helpEn: "If so, give the decision number, date, reason and corrective action; we check the customs credit platform and court records.",
  weight: 5,
  options: [
    { key: "no", labelZh: "无任何处罚记录", labelEn: "No penalties", score: 100 },
    {
      key: "minor",
      labelZh: "仅有情节轻微的违规处罚（非走私），已整改",
      labelEn: "Only minor rule violations (not smuggling), corrected",
      score: 40,
    },
    { key: "yes", labelZh: "有走私犯罪或走私行为记录", labelEn: "Yes, a smuggling offence or smuggling act", score: 0, critical: true },
  ],
  criteria: refs(),
};

/** Taxes and duties paid on time. */
export const taxPayment: Question = {
  key: "tax-payment",
  category: "compliance",
  textZh: "贵司是否按期缴纳税款、关税及罚没款项，目前无欠缴？",
  textEn: "Does your company pay taxes, customs duties and fines on time, with nothing overdue now?",
  helpZh: "纳税信用等级评价结果或税务机关出具的无欠税证明可作为证明。",
  helpEn: "Evidence: your tax credit rating or a tax-clearance certificate from the tax authority.",
  weight: 3,
  options: [
    yes,
    { key: "partly", labelZh: "曾有逾期，现已全部结清", labelEn: "Paid late before, now fully settled", score: 50 },
    { key: "no", labelZh: "目前存在欠缴", labelEn: "Amounts are overdue now", score: 0 },
  ],
  documentZh: "无欠税证明或纳税信用等级证明",
  documentEn: "Tax-clearance certificate or tax credit rating",
  criteria: refs(),
};

/** The partner's own AEO status: an advanced-certified partner may be exempted (CN 2022 item 15). */
export const aeoStatus: Question = {
  key: "aeo-status",
  category: "qualification",
  textZh: "贵司是否为海关高级认证企业，或持有CTPAT认证、欧盟AEO或与中国签署互认安排国家（地区）的AEO资格？",
  textEn:
    "Is your company a China Customs advanced certified enterprise, or CTPAT-certified, EU AEO, or AEO in a country with a mutual recognition arrangement with China?",
  helpZh: "请上传认证证书或官方查询结果；具有AEO资格的伙伴可依规免于部分评估，我司将持续跟踪证书有效性。",
  helpEn:
    "Upload the certificate or an official lookup; an AEO partner may be exempted from parts of the evaluation, and we monitor that it stays valid.",
  weight: 3,
  options: [
    { key: "certified", labelZh: "是，证书在有效期内", labelEn: "Yes, with a valid certificate", score: 100 },
    { key: "applying", labelZh: "正在申请认证", labelEn: "Application in progress", score: 50 },
    { key: "no", labelZh: "否", labelEn: "No", score: 20 },
  ],
  documentZh: "AEO / CTPAT 认证证书",
  documentEn: "AEO / CTPAT certificate",
  criteria: refs(ctpat("3.4")),
};
