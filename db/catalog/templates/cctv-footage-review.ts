// The periodic CCTV footage review: CTPAT MSC 9.13–9.15 (random reviews summarised in writing, with
// corrective actions) and 9.16 (retention), 海关高级认证企业标准（2022）（37）视频监控 and WCO SAFE AEO
// requirement I (docs/criteria.md: "CTPAT Minimum Security Criteria",
// "China 2022 advanced certification" and "Record-field minimums").

import type { CatalogTemplate, TemplateCriterionRef } from "./types";

const cctvCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2022-advanced", key: "37" },
  { framework: "ctpat-msc", key: "9.13-9.15" },
  { framework: "wco-safe-aeo", key: "I" },
];

export const cctvFootageReview: CatalogTemplate = {
  code: "cctv-footage-review",
  version: 1,
  titleZh: "视频监控录像审查",
  titleEn: "CCTV footage review",
  descriptionZh: "定期随机调阅监控录像时使用，形成书面审查记录（审查范围、发现的问题及纠正措施），由主管审核签字后留存。",
  descriptionEn:
    "Use for each periodic, random review of CCTV footage: it records what was reviewed, what was found and the corrective actions, and is signed off by a supervisor and kept.",
  sourceZh:
    "CTPAT 最低安全标准 9.13–9.15、9.16；海关高级认证企业标准（2022）第（37）项；WCO SAFE 标准框架 AEO 要求 I（场所安全）",
  sourceEn:
    "CTPAT Minimum Security Criteria 9.13–9.15 and 9.16; China Customs Advanced Certified Enterprise Standard (2022) sub-item (37); WCO SAFE AEO requirement I (premises security)",
  definition: {
    kind: "cctv",
    releaseGate: false,
    supervisorSignoff: "required",
    actionDueDays: 7,
    header: [
      { field: "reviewFrom", required: true },
      { field: "reviewTo", required: true },
      { field: "camerasReviewed", required: true },
      { field: "area", required: false },
    ],
    sections: [
      {
        key: "review",
        titleZh: "录像审查",
        titleEn: "Footage review",
        items: [
          {
            key: "recordings-complete",
            number: "1",
            promptZh: "审查期间录像完整、无中断",
            promptEn: "Recordings complete for the whole period",
            guidanceZh: "按时间轴逐台查看所审查的摄像机，无录像缺失、中断或时间跳变。",
            guidanceEn: "Step through the timeline of each camera reviewed: no missing footage, breaks or time jumps.",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            failOn: "no",
            criteria: cctvCriteria,
          },
          {
            key: "coverage-image-quality",
            number: "2",
            promptZh: "摄像机覆盖重点区域，画面清晰",
            promptEn: "Cameras cover the key areas; images clear",
            guidanceZh: "装卸平台、大门、仓储区及围墙沿线均在画面范围内；夜间画面能辨认人员和车辆，无遮挡、无移位。",
            guidanceEn:
              "Loading docks, gates, storage areas and fence lines are all in view; people and vehicles can be made out at night; no camera blocked or moved.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: cctvCriteria,
          },
          {
            key: "retention",
            number: "3",
            promptZh: "录像保存期限符合制度要求",
            promptEn: "Retention period meets the policy",
            guidanceZh: "查看仍可调阅的最早录像日期，保存天数不少于企业制度规定，足以完成事件调查和追溯。",
            guidanceEn:
              "Check the date of the oldest footage still available: it goes back at least as far as the site policy requires, long enough to complete an investigation.",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: [...cctvCriteria, { framework: "ctpat-msc", key: "9.16" }],
          },
          {
            key: "anomalies",
            number: "4",
            promptZh: "发现异常或可疑活动",
            promptEn: "Anomalies or suspicious activity seen",
            guidanceZh: "如有，写明摄像机、时间段和具体情况，可附截图，并按程序报告。",
            guidanceEn: "If yes, note the camera, the time and what was seen (a screenshot is optional), and report it as the procedure says.",
            answer: "yes_no",
            required: true,
            // A screenshot helps but is not always possible to export; the note is what the record needs.
            failRequiresPhoto: false,
            failRequiresNote: true,
            failOn: "yes",
            criteria: cctvCriteria,
          },
          {
            key: "findings-summary",
            number: "5",
            promptZh: "审查结果摘要",
            promptEn: "Findings summary",
            guidanceZh: "写明审查的时间段和摄像机、发现的问题，以及已采取或需采取的纠正措施。",
            guidanceEn: "Which periods and cameras were reviewed, what was found, and the corrective actions taken or needed.",
            answer: "text",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: cctvCriteria,
          },
        ],
      },
    ],
  },
};
