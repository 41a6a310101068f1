// The people side of the year, by HR through the personnel and badge commands: the dock and
// warehouse staff join the list, each security-sensitive person has a background check (the guard's
// is a year old, so his re-check falls due within the month), new hires their pre-hire checks,
// everyone has signed the code of conduct; staff badges are issued, a gate key goes out and comes
// back (the security desk keeps that register), and a forklift driver who left last week still has an exit checklist to finish.
import { asc, eq } from "drizzle-orm";
import { employees } from "../../../db/schema";
import { AccessItemCreateSchema } from "../badges/badge-schema";
import { createAccessItems, recordAccessItemStep } from "../badges/badges.server";
import { EmployeeSchema } from "../personnel/personnel-schema";
import { addBackgroundCheck, addConductAcknowledgement, addPrehireCheck } from "../personnel/personnel-checks.server";
import { createEmployee, setLeaveDate } from "../personnel/personnel-employees.server";
import { accessItems } from "../../../db/schema";
import { clockAt, expectOk, shiftDay, type DemoContext } from "./demo-context.server";

export interface DemoEmployee {
  id: string;
  name: string;
  hireDate: string;
  securitySensitive: boolean;
}

/** Staff without an account: the dock, the warehouse and the drivers. Hire dates relative to the first start (days back). */
const STAFF = [
  { name: "吴刚 Wu Gang", position: "仓库管理员", department: "仓储部", site: "warehouse", sensitive: true, hiredDaysAgo: 2200 },
  { name: "郑华 Zheng Hua", position: "装卸组长", department: "仓储部", site: "factory", sensitive: true, hiredDaysAgo: 1500 },
  { name: "冯磊 Feng Lei", position: "叉车司机", department: "仓储部", site: "factory", sensitive: true, hiredDaysAgo: 900 },
  { name: "何洁 He Jie", position: "单证员", department: "关务部", site: undefined, sensitive: false, hiredDaysAgo: 700 },
  { name: "罗斌 Luo Bin", position: "夜班安保员", department: "安保部", site: "warehouse", sensitive: true, hiredDaysAgo: 200 },
  { name: "梁晨 Liang Chen", position: "货车司机", department: "物流部", site: "factory", sensitive: true, hiredDaysAgo: 120 },
  { name: "宋佳 Song Jia", position: "仓库理货员", department: "仓储部", site: "warehouse", sensitive: true, hiredDaysAgo: 60 },
] as const;

const CODE_VERSION = "员工行为准则（2024 版） / Code of conduct, 2024 edition";

export async function seedDemoPeople(ctx: DemoContext): Promise<DemoEmployee[]> {
  const hr = ctx.as.hr;
  for (const person of STAFF) {
    expectOk(
      `employee ${person.name}`,
      await createEmployee(
        ctx.db,
        hr,
        EmployeeSchema.parse({
          name: person.name,
          position: person.position,
          department: person.department,
          securitySensitive: person.sensitive ? "1" : undefined,
          siteId: person.site ? ctx.sites[person.site].id : undefined,
          hireDate: shiftDay(ctx.today, -person.hiredDaysAgo),
        }),
      ),
    );
  }
  const people = await ctx.db
    .select({ id: employees.id, name: employees.name, hireDate: employees.hireDate, securitySensitive: employees.securitySensitive })
    .from(employees)
    .where(eq(employees.organizationId, ctx.organizationId))
    .orderBy(asc(employees.number));

  const yearAgo = shiftDay(ctx.today, -365);
  for (const [index, person] of people.entries()) {
    const recent = person.hireDate > yearAgo;
    if (recent) {
      for (const kind of ["identity", "employment_history", "reference"] as const) {
        expectOk(
          "pre-hire check",
          await addPrehireCheck(
            ctx.db,
            hr,
            person.id,
            {
              kind,
              source:
                kind === "reference"
                  ? "前雇主人事部电话核实 / Former employer's HR, by phone"
                  : "本人提供原件，人事部核对 / Originals checked by HR",
              checkedOn: shiftDay(person.hireDate, -7),
              result: "verified",
            },
            null,
            ctx.today,
          ),
        );
      }
    }
    const acknowledgedOn = recent ? person.hireDate : shiftDay(ctx.today, -300 + index);
    expectOk(
      "conduct acknowledgement",
      await addConductAcknowledgement(ctx.db, hr, person.id, { codeVersion: CODE_VERSION, acknowledgedOn }, null, ctx.today),
    );
    if (!person.securitySensitive) continue;
    // The guard (张伟) was checked 350 days ago: his yearly re-check is due within the month.
    const checkedOn = person.name.startsWith("张伟")
      ? shiftDay(ctx.today, -350)
      : recent
        ? shiftDay(person.hireDate, -10)
        : shiftDay(ctx.today, -ctx.random.int(60, 300));
    expectOk(
      "background check",
      await addBackgroundCheck(
        ctx.db,
        hr,
        person.id,
        {
          type: "criminal_record",
          provider: "户籍所在地派出所无犯罪记录证明 / Police certificate of no criminal record",
          checkedOn,
          result: "clear",
        },
        null,
        ctx.today,
      ),
    );
  }

  // Staff badges for everyone, issued on the day they started (or a year ago, when the register began).
  expectOk(
    "staff badges",
    await createAccessItems(
      ctx.db,
      ctx.as.security_lead,
      AccessItemCreateSchema.parse({
        kind: "employee_badge",
        code: "E-001",
        lastCode: `E-${String(people.length).padStart(3, "0")}`,
        description: "员工工牌 Staff badge",
      }),
    ),
  );
  const items = await ctx.db.select().from(accessItems).where(eq(accessItems.organizationId, ctx.organizationId));
  const itemOf = (kind: string, code: string) => {
    const item = items.find((i) => i.kind === kind && i.code === code);
    if (!item) throw new Error(`demo seed: no ${kind} ${code}`);
    return item;
  };
  for (const [index, person] of people.entries()) {
    const day = person.hireDate > yearAgo ? person.hireDate : yearAgo;
    await step(
      ctx,
      itemOf("employee_badge", `E-${String(index + 1).padStart(3, "0")}`).id,
      { step: "issue", employeeId: person.id, occurredAt: clockAt(ctx, day, 9 * 60) },
      day,
    );
  }
  const guard = people.find((p) => p.name.startsWith("张伟"));
  const lead = people.find((p) => p.name.startsWith("周强"));
  const nightGuard = people.find((p) => p.name.startsWith("罗斌"));
  if (!guard || !lead || !nightGuard) throw new Error("demo seed: the security staff are missing");
  await step(ctx, itemOf("key", "K-01").id, { step: "issue", employeeId: guard.id, occurredAt: clockAt(ctx, yearAgo, 8 * 60) }, yearAgo);
  const lent = shiftDay(ctx.today, -40);
  await step(ctx, itemOf("key", "K-03").id, { step: "issue", employeeId: nightGuard.id, occurredAt: clockAt(ctx, lent, 19 * 60) }, lent);
  await step(
    ctx,
    itemOf("key", "K-03").id,
    { step: "return", employeeId: nightGuard.id, occurredAt: clockAt(ctx, shiftDay(lent, 1), 7 * 60) },
    shiftDay(lent, 1),
  );

  // The forklift driver left a week ago: his exit checklist (badge, key, account) is overdue.
  const leaver = people.find((p) => p.name.startsWith("冯磊"));
  if (leaver) expectOk("leave date", await setLeaveDate(ctx.db, hr, leaver.id, shiftDay(ctx.today, -7)));
  return people.filter((p) => p !== leaver);
}

async function step(
  ctx: DemoContext,
  itemId: string,
  input: { step: "issue" | "return"; employeeId: string; occurredAt: Date },
  day: string,
) {
  // The badge and key register is the security desk's (badges.manage), not HR's.
  expectOk(`badge ${input.step}`, await recordAccessItemStep(ctx.db, ctx.as.security_lead, itemId, input, day));
}
