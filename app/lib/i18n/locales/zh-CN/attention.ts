import type { attention as english } from "../en/attention";
import type { Widen } from "../widen";

// 需要处理的事项：按人员和角色列出的到期与逾期事项，各角色的概览页。键与 en/attention.ts 完全一致（由类型检查保证）。
export const attention: Widen<typeof english> = {
  attention: {
    title: "待办事项",
    item: {
      inspectionDue: "{{site}}：{{template}}",
      releaseWaiting: "{{reference}} {{template}}：集装箱 {{container}} 暂停放行，{{count}} 项整改未完成",
      releaseWaitingNoContainer: "{{reference}} {{template}}：暂停放行，{{count}} 项整改未完成",
      inspectionSignoff: "{{reference}} {{template}}：待主管签核",
      actionVerification: "{{action}} 已整改：{{title}} — 请核实后放行 {{inspection}}",
      sealReport: "封志 {{number}}：{{kind}}",
      sealReportOn: "封志 {{number}}：{{kind}}（{{target}}）",
      sealIssued: "你保管的封志：{{count}} 枚（{{range}}）",
      visitorOnSite: "{{site}}：{{count}} 名访客在场",
      visitorOnSiteOvernight: "{{site}}：{{count}} 名访客在场，其中 {{overnight}} 名此前入场后未登记离场",
      actionDue: "{{reference}} 整改：{{title}} — {{source}}",
      actionDueNoSource: "{{reference}} 整改：{{title}}",
      evaluationDue: "{{partner}} {{name}}：到期需重新评估",
      evaluationNever: "{{partner}} {{name}}：尚未评估",
      questionnaireAnswered: "{{reference}} {{name}}：对方已填好问卷，待审核",
      evaluationDecision: "{{reference}} {{name}}：评估已完成，待审批",
      contractClausesMissing: "{{partner}} {{name}}：合同缺少必备的安全条款",
      partnerCertificateExpiring: "{{partner}} {{name}}：{{programme}}证书有效期至 {{date}}",
      personnelCheckDue: "{{employee}} {{name}}：背景复查到期",
      personnelCheckMissing: "{{employee}} {{name}}：尚无背景审查记录",
      exitOverdue: "{{reference}} {{name}}：离职手续逾期，{{count}} 项未完成",
      trainingGap: "{{name}}：本年度{{framework}}培训 {{attended}}/{{required}} 次",
      recertification: "AEO 重新认证日期：{{date}}",
      sealModelCertificate: "封志型号 {{model}}：未上传 ISO 17712 证书",
      assessmentOpen: "{{reference}} {{title}}：自我评估进行中",
      dossierReady: "{{reference}} 证据档案已生成",
    },
  },
};
