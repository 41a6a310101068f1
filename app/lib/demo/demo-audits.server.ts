// The year's internal audit (CN-2022 (11)) and the export route's risk assessment (CTPAT 2.1).
// The internal audit, recorded by the compliance manager two months before the
// first start: two findings, the minor one with its corrective action for the security lead, still open.
import { createInternalAudit } from "../internal-audits/internal-audits.server";
import { InternalAuditSchema } from "../internal-audits/internal-audit-schema";
import { RiskAssessmentSchema } from "../risk-assessments/risk-assessment-schema";
import { approveRiskAssessment, createRiskAssessment } from "../risk-assessments/risk-assessments.server";
import { clockAt, expectOk, shiftDay, type DemoContext } from "./demo-context.server";

export async function seedDemoInternalAudit(ctx: DemoContext): Promise<void> {
  const auditedOn = shiftDay(ctx.today, -60);
  const values = InternalAuditSchema.parse({
    auditedOn,
    scope:
      "进出口单证与申报、封志管理、集装箱检查、商业伙伴管理、信息系统访问与备份（工厂及保税仓库） / Declarations and documents, seals, container inspections, partner vetting, IT access and backups (factory and bonded warehouse)",
    auditors: "陈敏 Chen Min（合规经理）；外部顾问 林涛 Lin Tao",
    result: "conforms_with_findings",
    conclusion:
      "企业持续符合高级认证标准；封志领用登记有遗漏，培训计划需覆盖新入职叉车司机。 / The company still meets the advanced standard; seal issue logging has gaps and the training plan must include new forklift drivers.",
    finding1Description: "抽查 3 月封志领用记录，2 枚封志领用未登记领用人。 / In the March sample, 2 seals were issued without the recipient logged.",
    finding1Severity: "minor",
    finding1OwnerUserId: ctx.as.security_lead.userId,
    finding1DueOn: shiftDay(auditedOn, 75),
    finding2Description: "年度培训计划未列入新入职叉车司机的安全意识培训。 / The yearly plan leaves out security awareness for new forklift drivers.",
    finding2Severity: "observation",
  });
  expectOk("internal audit", await createInternalAudit(ctx.db, ctx.as.compliance, values, clockAt(ctx, auditedOn, 17 * 60)));
}

/**
 * The export route's risk assessment (CTPAT 2.1), written by the compliance manager a hundred days
 * before the first start and approved by the owner the next day; its review is due within the year.
 */
export async function seedDemoRiskAssessment(ctx: DemoContext): Promise<void> {
  const assessedOn = shiftDay(ctx.today, -100);
  const values = RiskAssessmentSchema.parse({
    subjectKind: "route",
    subject: "深圳工厂 → 盐田港（公路，约 40 公里） / Shenzhen factory to Yantian port by road (about 40 km)",
    assessedOn,
    nextReviewOn: shiftDay(assessedOn, 364),
    summary:
      "企业为出口商，在工厂装箱、施封后由签约承运人运至盐田港。主要风险在运输途中和港区等候阶段。 / The company is the exporter: containers are stuffed and sealed at the factory and hauled to Yantian by a contracted carrier. The main risks are on the road and while waiting at the port.",
    threat1Threat: "途中非计划停车时集装箱被开启、夹带违禁品 / Container opened at an unplanned stop to add contraband",
    threat1Likelihood: "3",
    threat1Impact: "5",
    threat1Mitigation: "GPS 轨迹监控，规定路线和停车点，偏离即报警；到港核验封志。 / GPS tracking with alarms off the set route and stops; seal verified at the port.",
    threat2Threat: "封志被替换或伪造 / Seal replaced or counterfeited",
    threat2Likelihood: "2",
    threat2Impact: "4",
    threat2Mitigation: "ISO 17712 高安全封志，VVTT 检查，封志号随单证传递。 / ISO 17712 seals, VVTT checks, seal numbers sent with the documents.",
    threat3Threat: "港区等候期间无人看管 / Container unattended while waiting at the port",
    threat3Likelihood: "2",
    threat3Impact: "3",
    threat3Mitigation: "按预约时段到港，司机不得离车。 / Arrive on the booked slot; the driver stays with the truck.",
  });
  const created = await createRiskAssessment(ctx.db, ctx.as.compliance, values, clockAt(ctx, assessedOn, 16 * 60));
  expectOk(
    "risk assessment approval",
    await approveRiskAssessment(ctx.db, ctx.as.owner, created.id, "同意，半年后复核 GPS 报警记录。 / Approved; review the GPS alarms in six months.", clockAt(ctx, shiftDay(assessedOn, 1), 10 * 60)),
  );
}
