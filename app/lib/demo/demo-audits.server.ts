// The year's internal audit (CN-2022 (11)), recorded by the compliance manager two months before the
// first start: two findings, the minor one with its corrective action for the security lead, still open.
import { createInternalAudit } from "../internal-audits/internal-audits.server";
import { InternalAuditSchema } from "../internal-audits/internal-audit-schema";
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
