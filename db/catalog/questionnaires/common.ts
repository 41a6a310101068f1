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
