// Partner vetting through the partner and evaluation commands: procurement answers each partner's
// questionnaire, compliance decides (four eyes), contracts carry the security clauses and come back
// acknowledged. The risk tiers all appear: the carrier is low risk, the broker medium (its yearly
// re-evaluation comes up this month), the packaging supplier high risk with a condition, and its
// six-monthly re-evaluation is overdue, like its six-monthly supervision check (the last one, a
// document review, was 200 days ago). The forwarder's questionnaire link waits for its answers,
// and a new hardware supplier's evaluation waits for compliance's decision.
import { and, eq } from "drizzle-orm";
import { correctiveActions, partners, questionnaires } from "../../../db/schema";
import type { Question } from "../../../db/catalog/questionnaires/types";
import { env } from "../env.server";
import { updateAction } from "../actions/actions.server";
import { listClauses } from "../partners/clauses.server";
import { acknowledgeContract, createContract } from "../partners/contracts.server";
import { decideEvaluation } from "../partners/evaluation-decisions.server";
import { createQuestionnaireLink } from "../partners/evaluation-links.server";
import { saveEvaluationAnswers, startEvaluation } from "../partners/evaluation-preparation.server";
import { getEvaluation } from "../partners/evaluation-queries.server";
import { PartnerSchema } from "../partners/partner-schema";
import type { PartnerRole } from "../partners/partner-values";
import { createPartner } from "../partners/partners.server";
import { recordSupervision } from "../partners/supervision.server";
import { demoPdf } from "./demo-documents.server";
import { clockAt, expectOk, shiftDay, type DemoContext } from "./demo-context.server";

type Answering = "best" | "partly" | "weak";

function optionFor(question: Question, answering: Answering): string | undefined {
  const scored = question.options.filter((o) => !o.critical && o.score !== null);
  if (!scored.length) return question.options[0]?.key;
  const sorted = [...scored].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  if (answering === "best") return sorted[0]?.key;
  if (answering === "partly") return question.options.some((o) => o.key === "partly") ? "partly" : sorted[0]?.key;
  return sorted.at(-1)?.key;
}

async function answersFor(ctx: DemoContext, evaluationId: string, answering: Answering): Promise<Record<string, string>> {
  const found = await getEvaluation(ctx.db, ctx.organizationId, evaluationId);
  const questionnaireId = found?.evaluation.questionnaireId;
  if (!questionnaireId) throw new Error("demo seed: the evaluation has no questionnaire");
  const [questionnaire] = await ctx.db.select().from(questionnaires).where(eq(questionnaires.id, questionnaireId));
  if (!questionnaire) throw new Error("demo seed: questionnaire missing");
  const fields: Record<string, string> = {};
  questionnaire.questions.forEach((question, index) => {
    // A weak partner is weak on most points, not all: every third answer is still its best.
    const option = optionFor(question, answering === "weak" && index % 3 === 0 ? "best" : answering);
    if (option) fields[`answer_${question.key}`] = option;
  });
  return fields;
}

interface Vetting {
  partnerId: string;
  role: PartnerRole;
  answering: Answering;
  preparedBack: number;
  decidedBack: number | null;
  decision?: "approved" | "approved_with_conditions";
  contract?: { number: string; title: string; acknowledgedBy: string };
}

export async function seedDemoPartners(ctx: DemoContext): Promise<void> {
  const procurement = ctx.as.procurement;
  const compliance = ctx.as.compliance;
  for (const partner of [
    {
      legalNameZh: "东莞示例五金制品有限公司",
      legalNameEn: "Dongguan Demo Hardware Co., Ltd.",
      countryCode: "CN",
      uscc: "91441900MA4W7DEM07",
      roles: ["manufacturer_supplier"],
      customsCredit: "general",
    },
  ]) {
    expectOk(`partner ${partner.legalNameEn}`, await createPartner(ctx.db, procurement, PartnerSchema.parse(partner)));
  }
  const rows = await ctx.db
    .select({ id: partners.id, nameEn: partners.legalNameEn })
    .from(partners)
    .where(eq(partners.organizationId, ctx.organizationId));
  const idOf = (prefix: string) => {
    const row = rows.find((r) => r.nameEn.startsWith(prefix));
    if (!row) throw new Error(`demo seed: no partner ${prefix}`);
    return row.id;
  };
  const clauses = await listClauses(ctx.db, ctx.organizationId);
  const clausesFor = (role: PartnerRole) => clauses.filter((c) => c.roles.length === 0 || c.roles.includes(role)).map((c) => c.id);

  const vettings: Vetting[] = [
    {
      partnerId: idOf("Shanghai Demo Logistics"),
      role: "carrier",
      answering: "best",
      preparedBack: 152,
      decidedBack: 150,
      decision: "approved",
      contract: { number: "SZD-LOG-2025-018", title: "道路运输服务合同 / Road haulage agreement", acknowledgedBy: "孙丽 Sun Li（总经理）" },
    },
    {
      partnerId: idOf("Shenzhen Demo Customs Brokerage"),
      role: "customs_broker",
      answering: "partly",
      preparedBack: 352,
      decidedBack: 350,
      decision: "approved",
      contract: {
        number: "SZD-BRK-2025-004",
        title: "报关代理委托协议 / Customs brokerage mandate",
        acknowledgedBy: "林晓燕 Lin Xiaoyan（业务经理）",
      },
    },
    {
      partnerId: idOf("Suzhou Demo Packaging"),
      role: "manufacturer_supplier",
      answering: "weak",
      preparedBack: 215,
      decidedBack: 212,
      decision: "approved_with_conditions",
      contract: {
        number: "SZD-PKG-2025-011",
        title: "包装材料采购框架协议 / Packaging supply framework agreement",
        acknowledgedBy: "高峰 Gao Feng（销售总监）",
      },
    },
    { partnerId: idOf("Dongguan Demo Hardware"), role: "manufacturer_supplier", answering: "best", preparedBack: 1, decidedBack: null },
  ];
  for (const vetting of vettings) {
    const prepared = shiftDay(ctx.today, -vetting.preparedBack);
    const started = expectOk("starting an evaluation", await startEvaluation(ctx.db, procurement, vetting.partnerId, vetting.role));
    const fields = await answersFor(ctx, started.id, vetting.answering);
    expectOk(
      "answering an evaluation",
      await saveEvaluationAnswers(ctx.db, procurement, started.id, fields, true, clockAt(ctx, prepared, 16 * 60)),
    );
    if (vetting.decidedBack === null || !vetting.decision) continue;
    const decided = shiftDay(ctx.today, -vetting.decidedBack);
    const conditions =
      vetting.decision === "approved_with_conditions"
        ? [
            {
              title: "供应商提供仓库视频监控覆盖图并整改盲区 / Supplier to send its CCTV coverage plan and close the blind spots",
              ownerUserId: procurement.userId,
              dueOn: shiftDay(decided, 30),
            },
          ]
        : [];
    expectOk(
      "deciding an evaluation",
      await decideEvaluation(
        ctx.db,
        compliance,
        started.id,
        {
          decision: vetting.decision,
          note:
            vetting.decision === "approved"
              ? "评估完整，同意合作。 / Complete; approved."
              : "有条件批准，条件整改完成后维持合作。 / Approved on condition.",
          conditions,
        },
        clockAt(ctx, decided, 10 * 60),
      ),
    );
    if (conditions.length) await closeConditionActions(ctx, started.id, shiftDay(decided, 24));
    if (vetting.contract) {
      const contract = expectOk(
        "contract",
        await createContract(
          ctx.db,
          procurement,
          vetting.partnerId,
          {
            contractNumber: vetting.contract.number,
            title: vetting.contract.title,
            startsOn: shiftDay(decided, 5),
            clauseIds: clausesFor(vetting.role),
          },
          null,
        ),
      );
      expectOk(
        "contract acknowledgement",
        await acknowledgeContract(
          ctx.db,
          procurement,
          contract.id,
          { acknowledgedOn: shiftDay(decided, 12), acknowledgedBy: vetting.contract.acknowledgedBy },
          await demoPdf(
            `${vetting.contract.number}-signed.pdf`,
            [
              `${vetting.contract.number}  ${vetting.contract.title.split(" / ")[1] ?? ""}`,
              "Security clauses acknowledged and signed by the partner.",
            ],
            shiftDay(decided, 12),
          ),
        ),
      );
    }
  }

  // Procurement's yearly look at the carrier's performance: satisfactory.
  expectOk(
    "supervision check",
    await recordSupervision(
      ctx.db,
      procurement,
      idOf("Shanghai Demo Logistics"),
      {
        kind: "performance_review",
        performedOn: shiftDay(ctx.today, -20),
        result: "satisfactory",
        summary:
          "本年度 0 起封志异常、0 起延误交接；司机身份核验记录完整。 / No seal anomalies or late hand-overs this year; driver identity records complete.",
        conditions: [],
      },
      null,
    ),
  );

  // The packaging supplier's documents were reviewed after its conditional approval; as a high-risk
  // partner it is checked every six months, so the next check is overdue (by some 17 days).
  expectOk(
    "supervision check",
    await recordSupervision(
      ctx.db,
      procurement,
      idOf("Suzhou Demo Packaging"),
      {
        kind: "document_review",
        performedOn: shiftDay(ctx.today, -200),
        result: "satisfactory",
        summary:
          "已收到视频监控覆盖图及门禁记录，与整改条件一致。 / CCTV coverage plan and access records received, as the condition asked.",
        conditions: [],
      },
      null,
    ),
  );

  // The forwarder answers for itself: a link sent to its contact, waiting.
  const forwarder = expectOk(
    "starting the forwarder's evaluation",
    await startEvaluation(ctx.db, procurement, idOf("Demo Freight Forwarding"), "freight_forwarder"),
  );
  const origin = env().APP_URL ?? `http://localhost:${env().PORT}`;
  expectOk(
    "questionnaire link",
    await createQuestionnaireLink(
      ctx.db,
      { ...procurement, name: "刘洋 Liu Yang" },
      forwarder.id,
      { locale: "en", days: 14, email: "security@forwarder.demo.tradeguard.test" },
      origin,
    ),
  );
}

async function closeConditionActions(ctx: DemoContext, evaluationId: string, day: string) {
  const actions = await ctx.db
    .select({ id: correctiveActions.id })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, ctx.organizationId),
        eq(correctiveActions.sourceType, "partner_evaluation"),
        eq(correctiveActions.sourceId, evaluationId),
      ),
    );
  for (const action of actions) {
    expectOk(
      "closing a condition",
      await updateAction(
        ctx.db,
        ctx.as.procurement,
        action.id,
        {
          status: "done",
          closingNote: "供应商已提交覆盖图并加装两台摄像机。 / Coverage plan received; two cameras added.",
          ownerUserId: undefined,
          dueOn: undefined,
        },
        null,
        clockAt(ctx, day, 15 * 60),
      ),
    );
  }
}
