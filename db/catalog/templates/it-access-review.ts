// The periodic review of who can reach the company's information systems: 海关高级认证企业标准（2022）
// （9）信息安全管理制度 (protection against unauthorised access, accountability), CTPAT MSC 4.7–4.9
// (access limited to the job, reviewed regularly, removed at separation; individual accounts, strong
// passwords or MFA, secure remote access) and 4.5 (detecting unauthorised access), the general
// standard's (8) information security, and WCO SAFE AEO requirement F (docs/criteria.md).

import type { CatalogTemplate, TemplateCriterionRef } from "./types";

const accessCriteria: readonly TemplateCriterionRef[] = [
  { framework: "cn-2022-advanced", key: "9" },
  { framework: "cn-2014-general", key: "8" },
  { framework: "ctpat-msc", key: "4.7-4.8-4.9" },
  { framework: "wco-safe-aeo", key: "F" },
];

export const itAccessReview: CatalogTemplate = {
  code: "it-access-review",
  version: 1,
  titleZh: "信息系统访问权限复核",
  titleEn: "IT access review",
  descriptionZh:
    "每季度（或按制度规定的频次）逐一复核各信息系统的用户账户和权限：离职、调岗人员的账户是否已撤销，权限是否与岗位相符，共享账户、密码策略和远程访问是否符合制度。不合格项自动生成纠正措施。",
  descriptionEn:
    "Each quarter (or as often as the policy says), go through the user accounts and rights of each IT system: leavers' and movers' accounts removed, rights matching the job, no shared accounts, password rules and remote access as the policy requires. A failed point raises a corrective action.",
  sourceZh: "海关高级认证企业标准（2022）第（9）项；海关认证企业标准（一般认证）第（8）项；CTPAT 最低安全标准 4.5、4.7–4.9；WCO SAFE 标准框架 AEO 要求 F",
  sourceEn:
    "China Customs Advanced Certified Enterprise Standard (2022) sub-item (9); general certification standard item (8); CTPAT Minimum Security Criteria 4.5 and 4.7–4.9; WCO SAFE AEO requirement F",
  definition: {
    kind: "it_security",
    releaseGate: false,
    supervisorSignoff: "required",
    actionDueDays: 14,
    header: [
      { field: "systemsReviewed", required: true },
      { field: "area", required: false },
    ],
    sections: [
      {
        key: "accounts",
        titleZh: "账户与权限",
        titleEn: "Accounts and rights",
        items: [
          {
            key: "leavers-removed",
            number: "1",
            promptZh: "离职人员的账户均已停用或删除",
            promptEn: "Every leaver's account is disabled or removed",
            guidanceZh: "将系统账户清单与人事部门提供的本期离职名单逐一核对，离职当日应已停用。",
            guidanceEn: "Check the system's account list against HR's list of this period's leavers: each should have been disabled on the last day.",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: accessCriteria,
          },
          {
            key: "rights-match-role",
            number: "2",
            promptZh: "用户权限与其岗位职责相符",
            promptEn: "User rights match each person's job",
            guidanceZh: "重点查看管理员权限、报关数据修改权限和调岗人员的原有权限，超出岗位需要的应收回。",
            guidanceEn: "Look first at administrator rights, rights to change customs data, and the old rights of people who changed jobs; rights beyond the job are withdrawn.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: accessCriteria,
          },
          {
            key: "individual-accounts",
            number: "3",
            promptZh: "每位用户使用个人账户，无共享或通用账户",
            promptEn: "Each user has an individual account; no shared or generic accounts",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: accessCriteria,
          },
          {
            key: "password-mfa",
            number: "4",
            promptZh: "密码策略或多因素认证已按制度启用",
            promptEn: "Password rules or multi-factor authentication enforced as the policy says",
            guidanceZh: "查看系统设置：密码长度、复杂度和更换周期，或多因素认证是否对所有用户生效。",
            guidanceEn: "Look at the system's settings: password length, complexity and change period, or multi-factor authentication on for every user.",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: accessCriteria,
          },
          {
            key: "remote-access",
            number: "5",
            promptZh: "远程访问仅通过VPN等安全方式，且仅限授权人员",
            promptEn: "Remote access only through a VPN or similar, and only for authorised people",
            answer: "pass_fail_na",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            criteria: accessCriteria,
          },
        ],
      },
      {
        key: "monitoring",
        titleZh: "异常访问监测",
        titleEn: "Unusual access",
        items: [
          {
            key: "unauthorised-access-found",
            number: "6",
            promptZh: "登录日志中发现未授权访问或异常登录",
            promptEn: "Unauthorised or unusual logins found in the logs",
            guidanceZh: "如有，写明系统、账户、时间和处理情况，并按信息安全制度报告和追责。",
            guidanceEn: "If yes, note the system, the account, the time and what was done, and report it as the information security policy says.",
            answer: "yes_no",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: true,
            failOn: "yes",
            criteria: [...accessCriteria, { framework: "ctpat-msc", key: "4.5" }],
          },
          {
            key: "review-summary",
            number: "7",
            promptZh: "复核结果摘要",
            promptEn: "Review summary",
            guidanceZh: "写明复核的账户数量、撤销或调整的权限，以及需跟进的事项。",
            guidanceEn: "How many accounts were reviewed, which rights were removed or changed, and what needs following up.",
            answer: "text",
            required: true,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: accessCriteria,
          },
        ],
      },
    ],
  },
};
