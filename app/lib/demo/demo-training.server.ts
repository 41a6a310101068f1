// The year's training through the training commands: HR records the sessions (customs law for the
// key managers, cargo and security awareness for the dock and the gate, driver security) with who
// attended; compliance records the two crisis drills with what was learnt. The information-security
// session reached the office only: the recent self-assessment's one shortfall.
import { DrillSchema, SessionSchema } from "../training/training-schema";
import { createSession } from "../training/training-sessions.server";
import { addAttendance } from "../training/training-attendance.server";
import { clockAt, DEMO_TIME_ZONE, expectOk, shiftDay, type DemoContext } from "./demo-context.server";
import type { DemoEmployee } from "./demo-people.server";

const SESSIONS = [
  {
    back: 330,
    category: "customs_law",
    topic: "《海关高级认证企业标准》解读 / The CN-2022 advanced certification standard explained",
    trainer: "深圳海关企管处讲师",
    provider: "深圳海关",
    minutes: 180,
    who: "managers",
  },
  {
    back: 280,
    category: "cargo_security",
    topic: "集装箱七点检查与封志管理 / Container 7-point inspection and seal control",
    trainer: "周强 Zhou Qiang",
    minutes: 120,
    who: "dock",
  },
  {
    back: 220,
    category: "security_awareness",
    topic: "识别可疑人员与物品 / Spotting suspicious people and packages",
    trainer: "周强 Zhou Qiang",
    minutes: 90,
    who: "all",
  },
  {
    back: 190,
    category: "information_security",
    topic: "钓鱼邮件与报关单证系统账号安全 / Phishing and customs-system accounts",
    trainer: "李静 Li Jing",
    minutes: 60,
    who: "office",
  },
  {
    back: 150,
    category: "driver_security",
    topic: "运输途中的货物与封志安全 / Cargo and seal security on the road",
    trainer: "周强 Zhou Qiang",
    minutes: 90,
    who: "dock",
  },
  {
    back: 75,
    category: "customs_law",
    topic: "进出口商品归类与申报要点 / Tariff classification and declarations",
    trainer: "陈敏 Chen Min",
    provider: "深圳示例报关有限公司",
    minutes: 120,
    who: "managers",
  },
  {
    back: 30,
    category: "cargo_security",
    topic: "新员工贸易安全入职培训 / Trade-security induction for new staff",
    trainer: "周强 Zhou Qiang",
    minutes: 60,
    who: "new",
  },
] as const;

const DRILLS = [
  {
    back: 240,
    topic: "仓库火灾疏散演练 / Warehouse fire evacuation drill",
    scenario:
      "盐田保税仓库叉车充电区起火，全员疏散并清点人数。 / Fire at the forklift charging bay of the bonded warehouse; everyone out and counted.",
    observations: "疏散用时 6 分钟；东侧通道被托盘堵塞。 / Evacuated in 6 minutes; the east aisle was blocked by pallets.",
    lessons: "通道每日巡查时一并检查。 / The daily patrol checks the aisles too.",
    followUp: "仓库主管当周清理东侧通道并划线。 / The warehouse lead cleared and marked the east aisle that week.",
  },
  {
    back: 45,
    topic: "封志被破坏应急演练 / Tampered-seal response drill",
    scenario:
      "出厂前发现已施封集装箱封志号与单证不符。 / A sealed container at the gate shows a seal number that differs from the documents.",
    observations:
      "门岗 3 分钟内扣车并报告主管；海关联系人电话未及时更新。 / The gate held the truck and called the supervisor within 3 minutes; the customs contact number was out of date.",
    lessons: "应急联系表每季度核对。 / The emergency contact list is checked every quarter.",
    followUp: "关务经理更新联系表并张贴于门岗。 / The customs manager updated the list and posted it at the gate.",
  },
] as const;

export async function seedDemoTraining(ctx: DemoContext, people: readonly DemoEmployee[]): Promise<void> {
  const named = (...prefixes: string[]) => people.filter((p) => prefixes.some((prefix) => p.name.startsWith(prefix)));
  const groups = {
    managers: named("王海", "陈敏", "周强", "何洁"),
    dock: named("周强", "张伟", "郑华", "吴刚", "罗斌", "梁晨", "宋佳"),
    office: named("王海", "李静", "陈敏", "刘洋", "黄丽", "赵磊", "何洁"),
    all: people,
  };
  for (const session of SESSIONS) {
    const heldOn = shiftDay(ctx.today, -session.back);
    const created = expectOk(
      `training ${session.topic}`,
      await createSession(
        ctx.db,
        ctx.as.hr,
        {
          kind: "session",
          ...SessionSchema.parse({
            category: session.category,
            topic: session.topic,
            heldOn,
            startTime: "09:30",
            durationMinutes: String(session.minutes),
            trainer: session.trainer,
            provider: "provider" in session ? session.provider : undefined,
            siteId: session.who === "dock" ? ctx.sites.factory.id : undefined,
          }),
        },
        [],
        DEMO_TIME_ZONE,
        clockAt(ctx, heldOn, 17 * 60),
      ),
    );
    const attendees = (session.who === "new" ? people.filter((p) => p.hireDate > shiftDay(ctx.today, -400)) : groups[session.who]).filter(
      (p) => p.hireDate <= heldOn,
    );
    if (attendees.length) {
      expectOk(
        "attendance",
        await addAttendance(
          ctx.db,
          ctx.as.hr,
          created.id,
          attendees.map((p) => p.id),
        ),
      );
    }
  }
  for (const drill of DRILLS) {
    const heldOn = shiftDay(ctx.today, -drill.back);
    const created = expectOk(
      `drill ${drill.topic}`,
      await createSession(
        ctx.db,
        ctx.as.compliance,
        {
          kind: "drill",
          ...DrillSchema.parse({
            topic: drill.topic,
            scenario: drill.scenario,
            observations: drill.observations,
            lessonsLearned: drill.lessons,
            followUp: drill.followUp,
            heldOn,
            startTime: "14:00",
            durationMinutes: "45",
            trainer: "周强 Zhou Qiang",
            siteId: ctx.sites.warehouse.id,
          }),
        },
        [],
        DEMO_TIME_ZONE,
        clockAt(ctx, heldOn, 16 * 60),
      ),
    );
    const attendees = people.filter((p) => p.hireDate <= heldOn);
    expectOk(
      "drill attendance",
      await addAttendance(
        ctx.db,
        ctx.as.compliance,
        created.id,
        attendees.map((p) => p.id),
      ),
    );
  }
}
