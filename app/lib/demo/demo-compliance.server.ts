// Compliance's year through the policy, assessment and action commands: the written procedures the
// trade-security criteria ask for (a one-page PDF each), a self-assessment a year ago against the
// 2014 standard the company was first certified under, whose three shortfalls were put right, and
// a recent one against the 2022 standard, finalised, whose one shortfall (information-security
// training that reached the office only) has its action open and due next month. Every shortfall has its corrective action
// before the assessment is finalised.
import { createActionFromAssessment, updateAction } from "../actions/actions.server";
import { createAssessment, finalizeAssessment, saveResult } from "../assessments/assessments.server";
import { getFramework, listCriteria } from "../criteria/criteria.server";
import { outsideBusinessTypes } from "../criteria/business-types.server";
import { eq } from "drizzle-orm";
import { assessments } from "../../../db/schema";
import { PolicySchema } from "../policies/policy-schema";
import { createPolicy } from "../policies/policies.server";
import { demoPdf } from "./demo-documents.server";
import { clockAt, expectOk, shiftDay, type DemoActor, type DemoContext } from "./demo-context.server";

const POLICIES = [
  {
    number: "SZD-SEC-001",
    zh: "贸易安全管理制度",
    en: "Trade security management policy",
    cn2022: ["31", "42", "50", "54", "58"],
    cn2014: ["21", "25", "27"],
  },
  {
    number: "SZD-SEC-002",
    zh: "场所与出入口安全管理规定",
    en: "Premises and access control procedure",
    cn2022: ["32", "33", "34", "35", "36", "37", "41"],
    cn2014: ["21", "22"],
  },
  {
    number: "SZD-SEC-003",
    zh: "集装箱检查与封志管理规定",
    en: "Container inspection and seal procedure",
    cn2022: ["43", "44", "45", "46", "47", "48", "49", "51", "52"],
    cn2014: ["25", "26", "27"],
  },
  { number: "SZD-HR-004", zh: "人员安全管理制度", en: "Personnel security policy", cn2022: ["38", "39", "40"], cn2014: ["23"] },
  {
    number: "SZD-PUR-005",
    zh: "合作伙伴安全管理制度",
    en: "Business partner security policy",
    cn2022: ["54", "55", "56", "57"],
    cn2014: ["24"],
  },
  { number: "SZD-CMP-006", zh: "危机管理与应急预案", en: "Crisis management and emergency plan", cn2022: ["48", "61"], cn2014: ["28"] },
  {
    number: "SZD-TRN-007",
    zh: "海关业务与贸易安全培训制度",
    en: "Customs and trade-security training policy",
    cn2022: ["53", "58", "59", "60", "61", "62"],
    cn2014: [],
  },
  {
    number: "SZD-IT-008",
    zh: "信息系统与信息安全管理制度",
    en: "Information systems and security policy",
    cn2022: ["7", "8", "9", "62"],
    cn2014: [],
  },
  {
    number: "SZD-ICM-009",
    zh: "关务内部控制与内审制度",
    en: "Customs internal control and audit policy",
    cn2022: ["1", "2", "3", "4", "5", "6", "10", "11", "12"],
    cn2014: [],
  },
] as const;

function policyPdf(number: string, title: string, effectiveOn: string) {
  return demoPdf(`${number}.pdf`, [`${number}  ${title}`, `Effective ${effectiveOn}. Approved by the general manager.`], effectiveOn);
}

export async function seedDemoPolicies(ctx: DemoContext): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const criterionIds = new Map<string, string>();
  for (const code of ["cn-2022-advanced", "cn-2014-general"] as const) {
    const framework = await getFramework(ctx.db, code);
    if (!framework) throw new Error(`demo seed: framework ${code} is not loaded`);
    for (const c of await listCriteria(ctx.db, framework.id)) criterionIds.set(`${code}/${c.key}`, c.id);
  }
  const effectiveOn = shiftDay(ctx.today, -420);
  for (const policy of POLICIES) {
    const criteria = [...policy.cn2022.map((k) => `cn-2022-advanced/${k}`), ...policy.cn2014.map((k) => `cn-2014-general/${k}`)].map(
      (key) => {
        const id = criterionIds.get(key);
        if (!id) throw new Error(`demo seed: no criterion ${key}`);
        return id;
      },
    );
    const created = expectOk(
      `policy ${policy.number}`,
      await createPolicy(
        ctx.db,
        ctx.as.compliance,
        PolicySchema.parse({
          documentNumber: policy.number,
          titleZh: policy.zh,
          titleEn: policy.en,
          version: "A/0",
          effectiveOn,
          approvedBy: "王海 Wang Hai（总经理）",
          criteria,
        }),
        await policyPdf(policy.number, policy.en, effectiveOn),
      ),
    );
    ids.set(policy.number, created.id);
  }
  return ids;
}

interface Shortfall {
  key: string;
  explanation: string;
  action: string;
  owner: DemoActor;
  /** Days after the assessment the action is due; closed that many days after when `closedAfter` is set. */
  dueAfter: number;
  closedAfter?: number;
}

/** A framework code of the catalogue (the demo assesses the two Chinese standards). */
type Standard = string;

/** The demo's policies that cover a criterion. */
function policiesFor(standard: Standard, key: string, policyIds: ReadonlyMap<string, string>): string[] {
  return POLICIES.filter((p) => (p[standard === "cn-2022-advanced" ? "cn2022" : "cn2014"] as readonly string[]).includes(key))
    .map((p) => policyIds.get(p.number) ?? "")
    .filter(Boolean);
}

/** An answer for a criterion without a shortfall: met, or not this company's business. */
function plainResult(standard: Standard, key: string, options: readonly string[]): "meets" | "not_applicable" | "conforms" {
  // Of CN-2014's bonus items, only the filing of declaration documents applies. (CN-2022's
  // business-type items outside the exporter's business types are not asked at all.)
  if (options.includes("conforms")) return key === "29-5" ? "conforms" : "not_applicable";
  return "meets";
}

async function assess(
  ctx: DemoContext,
  policyIds: ReadonlyMap<string, string>,
  standard: Standard,
  assessedOn: string,
  title: string,
  shortfalls: readonly Shortfall[],
  /** Records no register keeps, filed with the criterion's result (a scanned log, a report). */
  files: Readonly<Record<string, string>> = {},
) {
  const compliance = ctx.as.compliance;
  const id = await createAssessment(ctx.db, compliance, { framework: standard, title, assessedOn });
  const framework = await getFramework(ctx.db, standard);
  const [made] = await ctx.db.select({ businessTypes: assessments.businessTypes }).from(assessments).where(eq(assessments.id, id));
  // The business-type criteria outside the organisation's business types start not applicable and are not asked.
  const criteria = (await listCriteria(ctx.db, framework!.id)).filter(
    (c) => c.options.length > 0 && !outsideBusinessTypes(standard, c, made?.businessTypes ?? null),
  );
  for (const criterion of criteria) {
    const shortfall = shortfalls.find((s) => s.key === criterion.key);
    const result = shortfall ? "partly_meets" : plainResult(standard, criterion.key, criterion.options);
    expectOk(
      `assessment result ${criterion.key}`,
      await saveResult(
        ctx.db,
        compliance,
        id,
        {
          intent: "result",
          criterion: criterion.key,
          result,
          explanation:
            shortfall?.explanation ?? (result === "not_applicable" ? "本企业不经营该类业务。 / Not a business of ours." : undefined),
          policies: result === "meets" ? policiesFor(standard, criterion.key, policyIds) : [],
        },
        files[criterion.key]
          ? await demoPdf(
              `${standard}-${criterion.key}.pdf`,
              [files[criterion.key]!, `Kept for the self-assessment of ${assessedOn}.`],
              assessedOn,
            )
          : null,
      ),
    );
  }
  for (const shortfall of shortfalls) {
    const action = expectOk(
      `assessment action ${shortfall.key}`,
      await createActionFromAssessment(
        ctx.db,
        compliance,
        id,
        {
          intent: "action",
          criterion: shortfall.key,
          title: shortfall.action,
          description: shortfall.explanation,
          ownerUserId: shortfall.owner.userId,
          dueOn: shiftDay(assessedOn, shortfall.dueAfter),
        },
        clockAt(ctx, shiftDay(assessedOn, 1), 11 * 60),
      ),
    );
    if (shortfall.closedAfter !== undefined) {
      expectOk(
        "closing an assessment action",
        await updateAction(
          ctx.db,
          shortfall.owner,
          action.id,
          {
            status: "done",
            closingNote: "已完成整改，证据已归档。 / Done; the evidence is filed.",
            ownerUserId: undefined,
            dueOn: undefined,
          },
          null,
          clockAt(ctx, shiftDay(assessedOn, shortfall.closedAfter), 16 * 60),
        ),
      );
    }
  }
  expectOk("finalising an assessment", await finalizeAssessment(ctx.db, compliance, id, true, clockAt(ctx, shiftDay(assessedOn, 2), 17 * 60)));
}

/** A year ago, against the 2014 standard: three shortfalls, each put right since. */
export async function seedDemoLastYearAssessment(ctx: DemoContext, policyIds: ReadonlyMap<string, string>): Promise<void> {
  await assess(ctx, policyIds, "cn-2014-general", shiftDay(ctx.today, -370), "年度自评（上一年度） / Yearly self-assessment (last year)", [
    {
      key: "21",
      explanation: "保税仓库东侧装卸口视频监控存在盲区。 / The bonded warehouse's east dock has a CCTV blind spot.",
      action: "东侧装卸口加装摄像机并调整角度 / Add a camera at the east dock and re-aim the others",
      owner: ctx.as.security_lead,
      dueAfter: 45,
      closedAfter: 38,
    },
    {
      key: "23",
      explanation: "两名装卸工无背景调查记录。 / Two dock workers had no background check on file.",
      action: "补做装卸工背景调查 / Complete the dock workers' background checks",
      owner: ctx.as.hr,
      dueAfter: 30,
      closedAfter: 21,
    },
    {
      key: "28",
      explanation: "上一年度未组织应急演练。 / No crisis drill was held last year.",
      action: "组织仓库火灾疏散演练 / Hold a warehouse fire evacuation drill",
      owner: ctx.as.compliance,
      dueAfter: 90,
      closedAfter: 130,
    },
  ]);
}

/** Twelve days ago, against the 2022 standard: one shortfall, its action open. */
export async function seedDemoRecentAssessment(ctx: DemoContext, policyIds: ReadonlyMap<string, string>): Promise<void> {
  await assess(
    ctx,
    policyIds,
    "cn-2022-advanced",
    shiftDay(ctx.today, -12),
    "年度自评（本年度） / Yearly self-assessment (this year)",
    [
      {
        key: "62",
        explanation:
          "本年度信息安全培训仅覆盖办公室人员，仓储和门岗人员尚未参加。 / This year's information-security training reached the office only, not the warehouse and the gate.",
        action: "为仓储和门岗人员安排信息安全培训 / Hold information-security training for the warehouse and gate staff",
        owner: ctx.as.hr,
        dueAfter: 40,
      },
    ],
    {
      // What the registers do not keep: the store's stock checks, the dock's receiving checks and the
      // supervisor's loading log, filed as scans.
      "45": "Bonded store: monthly stock and access check sheets",
      "47": "Shipping and receiving: goods checked against documents, monthly sheets",
      "49": "Export loading supervision log, signed by the security supervisor",
    },
  );
}
