// The monthly check that backups run and can be restored: 海关高级认证企业标准（2022）（9）信息安全
// 管理制度 (procedures and backup functions that prevent the loss of information), CTPAT MSC 4.12
// (backups weekly or as appropriate, sensitive data encrypted) and 4.2–4.3 (the ability to recover
// data; testing the IT infrastructure), the general standard's (8) information security and WCO SAFE
// AEO requirement F (docs/criteria.md).

import type { CatalogTemplate, TemplateCriterionRef } from "./types";

const backupCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2022-advanced", key: "9" },
  { framework: "cn-2014-general", key: "8" },
  { framework: "ctpat-msc", key: "4.12" },
  { framework: "wco-safe-aeo", key: "F" },
];

const restoreCriteria: readonly TemplateCriterionRef[] = [...backupCriteria, { framework: "ctpat-msc", key: "4.2-4.3" }];

export const backupRestoreTest: CatalogTemplate = {
  code: "backup-restore-test",
  version: 1,
  titleZh: "数据备份与恢复测试",
  titleEn: "Backup and restore test",
  descriptionZh:
    "每月检查各信息系统的备份是否按计划完成、备份是否异地或离线保存并加密，并抽取一份备份实际恢复，确认数据完整可用。不合格项自动生成纠正措施。",
  descriptionEn:
    "Each month, check that each IT system's backups ran as planned and are kept off-site or offline and encrypted, and restore one backup to confirm the data are complete and usable. A failed point raises a corrective action.",
  sourceZh: "海关高级认证企业标准（2022）第（9）项；海关认证企业标准（一般认证）第（8）项；CTPAT 最低安全标准 4.2–4.3、4.12；WCO SAFE 标准框架 AEO 要求 F",
  sourceEn:
    "China Customs Advanced Certified Enterprise Standard (2022) sub-item (9); general certification standard item (8); CTPAT Minimum Security Criteria 4.2–4.3 and 4.12; WCO SAFE AEO requirement F",
  definition: {
    kind: "it_security",
    releaseGate: false,
    supervisorSignoff: "optional",
    actionDueDays: 7,
    header: [
      { field: "systemsReviewed", required: true },
      { field: "area", required: false },
    ],
    sections: [
      {
        key: "backups",
        titleZh: "备份",
        titleEn: "Backups",
        items: [
          {
            key: "backups-completed",
            number: "1",
            promptZh: "本期备份均按计划完成，无失败任务",
            promptEn: "Every backup of the period ran as planned, none failed",
            guidanceZh: "查看备份软件的任务记录，失败或跳过的任务须写明原因和补做情况。",
            guidanceEn: "Look at the backup software's job log: a failed or skipped job needs its cause and when it was re-run.",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: backupCriteria,
          },
          {
            key: "offsite-copy",
            number: "2",
            promptZh: "备份副本异地或离线保存",
            promptEn: "A backup copy is kept off-site or offline",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: backupCriteria,
          },
          {
            key: "encrypted",
            number: "3",
            promptZh: "含敏感数据的备份已加密",
            promptEn: "Backups holding sensitive data are encrypted",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: backupCriteria,
          },
        ],
      },
      {
        key: "restore",
        titleZh: "恢复测试",
        titleEn: "Restore test",
        items: [
          {
            key: "restore-succeeded",
            number: "4",
            promptZh: "抽取的备份已成功恢复，数据完整可用",
            promptEn: "The sampled backup was restored; the data are complete and usable",
            guidanceZh: "恢复到测试环境，核对记录条数或打开若干文件、单证，确认与原数据一致。",
            guidanceEn: "Restore to a test environment and compare record counts or open some files and documents against the originals.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: restoreCriteria,
          },
          {
            key: "restore-hours",
            number: "5",
            promptZh: "恢复耗时",
            promptEn: "Time the restore took",
            guidanceZh: "超过 24 小时视为不合格：业务连续性计划要求的恢复时间内应能完成恢复。",
            guidanceEn: "Over 24 hours fails: the restore should fit within the recovery time the continuity plan needs.",
            answer: "number",
            unit: "h",
            failAbove: 24,
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: restoreCriteria,
          },
          {
            key: "test-summary",
            number: "6",
            promptZh: "测试结果摘要",
            promptEn: "Test summary",
            guidanceZh: "写明恢复的系统和备份日期、核对的内容，以及发现的问题。",
            guidanceEn: "Which system and which backup date were restored, what was compared, and any problem found.",
            answer: "text",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: restoreCriteria,
          },
        ],
      },
    ],
  },
};
