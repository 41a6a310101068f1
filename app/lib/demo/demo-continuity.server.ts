// The business continuity plan of export operations (CTPAT 2.4, WCO SAFE L): written by the compliance
// manager 200 days before the first start and approved by the owner two days later; a tabletop test
// that passed, and a simulation of an IT outage three weeks ago whose finding raised a corrective
// action for the security lead, still open. Its next test falls within the month, so compliance sees it due.
import { ContinuityPlanSchema, ContinuityTestSchema } from "../continuity/continuity-schema";
import { approveContinuityPlan, createContinuityPlan } from "../continuity/continuity-plans.server";
import { recordContinuityTest } from "../continuity/continuity-tests.server";
import { clockAt, expectOk, shiftDay, type DemoContext } from "./demo-context.server";

export async function seedDemoContinuity(ctx: DemoContext): Promise<void> {
  const revisedOn = shiftDay(ctx.today, -200);
  const plan = ContinuityPlanSchema.parse({
    title: "出口业务连续性计划 / Export operations continuity plan",
    scope:
      "深圳工厂装箱区、保税仓库；出口装货、施封、报关和承运人交接 / Shenzhen factory stuffing area and bonded warehouse; export loading, sealing, declarations and hand-over to carriers",
    disruptions: ["port_closure", "it_outage", "natural_disaster", "security_breach", "supplier_failure"],
    recoveryHours: "48",
    contacts:
      "总指挥：总经理 王磊（替补：合规经理 陈敏）；海关联络：关务主管；承运人与港口联络：物流主管；值班电话 0755-0000 0000 / Lead: general manager Wang Lei (deputy: compliance manager Chen Min); customs liaison: customs supervisor; carriers and port: logistics supervisor; duty phone 0755-0000 0000",
    securityMeasures:
      "停工期间已装箱货柜留在监控区内并由保安看守；封志改用纸质登记，恢复后补录系统；未经检查的集装箱不得装货；临时人员须陪同进入。 / While stopped, stuffed containers stay in the monitored yard under guard; seals are logged on paper and entered into the system afterwards; no container is loaded without its inspection; temporary staff are escorted.",
    version: "2.0",
    revisedOn,
    nextReviewOn: shiftDay(revisedOn, 360),
    nextTestOn: shiftDay(revisedOn, 60),
  });
  const created = await createContinuityPlan(ctx.db, ctx.as.compliance, plan, null, clockAt(ctx, revisedOn, 15 * 60));
  expectOk(
    "continuity plan approval",
    await approveContinuityPlan(ctx.db, ctx.as.owner, created.id, "同意发布。 / Approved for release.", clockAt(ctx, shiftDay(revisedOn, 2), 10 * 60)),
  );

  const tabletopOn = shiftDay(revisedOn, 45);
  expectOk(
    "continuity tabletop test",
    await recordContinuityTest(
      ctx.db,
      ctx.as.compliance,
      created.id,
      ContinuityTestSchema.parse({
        testedOn: tabletopOn,
        kind: "tabletop",
        scenario: "台风导致盐田港关闭三天，20 个已装箱货柜滞留工厂。 / A typhoon closes Yantian port for three days; 20 stuffed containers wait at the factory.",
        participants: "总经理、合规经理、安保主管、物流主管 / General manager, compliance manager, security lead, logistics supervisor",
        result: "passed",
        nextTestOn: shiftDay(ctx.today, -21),
      }),
      clockAt(ctx, tabletopOn, 16 * 60),
    ),
  );

  const simulationOn = shiftDay(ctx.today, -21);
  expectOk(
    "continuity simulation test",
    await recordContinuityTest(
      ctx.db,
      ctx.as.compliance,
      created.id,
      ContinuityTestSchema.parse({
        testedOn: simulationOn,
        kind: "simulation",
        scenario: "报关和封志系统中断 24 小时，改用纸质记录继续出货。 / Declarations and seal system down for 24 hours; shipping continues on paper records.",
        participants: "合规经理、安保主管、两名保安、关务专员 / Compliance manager, security lead, two guards, customs clerk",
        result: "passed_with_findings",
        finding1Description: "纸质封志登记表未放在门岗，保安临时手写记录。 / The paper seal log was not kept at the gate; guards wrote on loose sheets.",
        finding1OwnerUserId: ctx.as.security_lead.userId,
        finding1DueOn: shiftDay(simulationOn, 30),
        nextTestOn: shiftDay(ctx.today, 20),
      }),
      clockAt(ctx, simulationOn, 15 * 60),
    ),
  );
}
