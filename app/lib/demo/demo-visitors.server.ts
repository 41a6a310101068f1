// The gatehouse's visitor book of the year, through its sign-in and sign-out commands: drivers,
// auditors, engineers and candidates at both sites on most working days, each with a visitor badge
// from the register and an escort. Two are on site at the first start (signed in this morning),
// and one contractor signed in yesterday was never signed out: an overdue exit for the guard.
import { VisitorSignInSchema } from "../visitors/visitor-schema";
import { signInVisitor, signOutVisitor } from "../visitors/visitors.server";
import type { VisitPurpose } from "../visitors/visitor-rules";
import { clockAt, expectOk, residentIdNumber, shiftDay, type DemoContext } from "./demo-context.server";

const VISITORS: { name: string; company: string; purpose: VisitPurpose; host: string; plate?: string }[] = [
  { name: "马建国", company: "上海示例物流有限公司", purpose: "delivery", host: "郑华 Zheng Hua", plate: "粤B·D12345" },
  { name: "林晓燕", company: "深圳示例报关有限公司", purpose: "meeting", host: "陈敏 Chen Min" },
  { name: "高峰", company: "苏州示例包装材料有限公司", purpose: "delivery", host: "吴刚 Wu Gang", plate: "苏E·8K2Q7" },
  { name: "谢文", company: "示例消防设备维保有限公司", purpose: "maintenance", host: "周强 Zhou Qiang" },
  { name: "Anna Müller", company: "Demo Freight Forwarding GmbH", purpose: "audit", host: "陈敏 Chen Min" },
  { name: "许亮", company: "示例安防工程有限公司", purpose: "maintenance", host: "周强 Zhou Qiang" },
  { name: "韩雪", company: "", purpose: "interview", host: "黄丽 Huang Li" },
  { name: "唐军", company: "上海示例物流有限公司", purpose: "delivery", host: "吴刚 Wu Gang", plate: "沪D·5F3M9" },
];

export async function seedDemoVisitors(ctx: DemoContext): Promise<void> {
  const guard = ctx.as.security;
  let badge = 0;
  const nextBadge = () => {
    badge = (badge % 20) + 1;
    return `V-${String(badge).padStart(3, "0")}`;
  };
  const visit = async (day: string, inAt: number, outAt: number | null, site: "factory" | "warehouse") => {
    const who = ctx.random.pick(VISITORS);
    const values = VisitorSignInSchema.parse({
      siteId: ctx.sites[site].id,
      visitorName: who.name,
      company: who.company || undefined,
      idDocumentType: who.name.includes(" ") ? "passport" : "cn_resident_id",
      idNumber: who.name.includes(" ") ? `C${String(ctx.random.int(1000000, 9999999))}X` : residentIdNumber(ctx.random),
      idVerified: "yes",
      hostName: who.host,
      purpose: who.purpose,
      // The factory's badges are in the register; the warehouse writes its visitor passes by hand.
      badgeNumber: site === "factory" ? nextBadge() : undefined,
      escortName: who.purpose === "delivery" ? undefined : who.host,
      vehiclePlate: who.plate,
    });
    const signedIn = expectOk(`visitor ${who.name} ${day}`, await signInVisitor(ctx.db, guard, values, clockAt(ctx, day, inAt), day));
    if (outAt !== null) expectOk("visitor sign-out", await signOutVisitor(ctx.db, guard, signedIn.entry.id, clockAt(ctx, day, outAt), day));
  };
  for (let back = 364; back >= 1; back--) {
    const day = shiftDay(ctx.today, -back);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    // A visitor most weeks through the year (what a first start writes in a few seconds), and a
    // busier last fortnight.
    const unsignedOut = back === 1;
    if (!unsignedOut && (weekday === 0 || weekday === 6 || !ctx.random.chance(back <= 14 ? 0.6 : 0.12))) continue;
    const inAt = ctx.random.int(9 * 60, 15 * 60);
    await visit(day, inAt, unsignedOut ? null : inAt + ctx.random.int(30, 150), ctx.random.chance(0.7) ? "factory" : "warehouse");
  }
  // This morning: two visitors on site now.
  const morning = Math.min(9 * 60 + 15, Math.max(0, minutesOfDayNow(ctx) - 30));
  await visit(ctx.today, morning, null, "factory");
  await visit(ctx.today, morning + 10, null, "warehouse");
}

function minutesOfDayNow(ctx: DemoContext): number {
  const local = new Intl.DateTimeFormat("en-GB", {
    timeZone: ctx.as.security.timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(ctx.now);
  const [h, m] = local.split(":").map(Number) as [number, number];
  return h * 60 + m;
}
