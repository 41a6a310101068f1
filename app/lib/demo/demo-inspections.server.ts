// A year of inspections at both sites, through the phone form's own command (submitInspection):
// container 7-point inspections at the factory's dock, patrols, lighting checks, CCTV reviews and
// the monthly building inspection. A few fail a point (a photo and a note), which raises its
// corrective action; the guard closes most within the due days, the supervisor signs off and once
// overrides a release. The last days are left as a working week leaves them: an action overdue,
// a review waiting for its sign-off.
import { containerCheckDigit } from "../inspections/container-number";
import type { DraftInput } from "../inspections/inspection-drafts.server";
import { releaseInspection, signOffInspection } from "../inspections/inspection-release.server";
import { submitInspection } from "../inspections/inspection-submission.server";
import { getCurrentTemplate } from "../inspections/templates.server";
import { allItems, type TemplateDefinition } from "../inspections/template-definition";
import { updateAction } from "../actions/actions.server";
import { verifyAction } from "../actions/action-verification.server";
import { and, eq } from "drizzle-orm";
import { correctiveActions } from "../../../db/schema";
import { clockAt, expectOk, localAt, residentIdNumber, shiftDay, type DemoActor, type DemoContext } from "./demo-context.server";
import { demoPhoto } from "./demo-photos.server";

export interface DemoContainerInspection {
  id: string;
  day: string;
  minutes: number;
  containerNumber: string;
  /** Released for loading (so it can be sealed). */
  released: boolean;
}

const TEMPLATE_CODES = [
  "container-7-point",
  "conveyance-17-point",
  "driver-identity-check",
  "premises-patrol",
  "lighting-check",
  "cctv-footage-review",
  "building-inspection",
  "it-access-review",
  "backup-restore-test",
] as const;
type TemplateCode = (typeof TEMPLATE_CODES)[number];

interface Planned {
  code: TemplateCode;
  site: "factory" | "warehouse";
  day: string;
  minutes: number;
  inspector: DemoActor;
  /** Item keys that fail. */
  fail: string[];
}

const OWNERS = ["CSQU", "MSKU", "TGHU", "OOLU", "CMAU"] as const;
const FAIL_NOTES: Record<string, string> = {
  "front-wall":
    "前壁右下角有新焊补痕迹，已拍照，通知货代更换箱。 / New weld patch low on the front wall; photographed, forwarder asked for another box.",
  floor: "箱底板一块松动，敲击声空，怀疑夹层。 / One floor board loose and hollow when knocked: possible false floor.",
  doors: "右门锁杆螺栓有撬动痕迹。 / Pry marks on a locking-bar bolt of the right door.",
  undercarriage: "底部横梁有新油漆覆盖。 / Fresh paint over a cross member underneath.",
  "restore-hours":
    "从异地备份恢复 ERP 用时约 25 小时，瓶颈在专线带宽，需增加本地副本。 / Restoring the ERP from the off-site copy took about 25 hours (line bandwidth): a local copy is needed.",
};

/** A container number with a correct ISO 6346 check digit. */
function containerNumber(ctx: DemoContext): string {
  const first = `${ctx.random.pick(OWNERS)}${String(ctx.random.int(100000, 999999))}`;
  return `${first}${containerCheckDigit(first)}`;
}

/** The form's values for a template: every shown point answered as a pass unless told to fail. */
function formValues(definition: TemplateDefinition, plan: Planned, siteId: string, extra: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = { siteId, occurredAt: localAt(plan.day, plan.minutes), ...extra };
  for (const field of definition.header) {
    if (values[field.field] !== undefined || !field.required) continue;
    if (field.field === "area")
      values.area = plan.site === "factory" ? "成品仓库及周界 Finished-goods store and perimeter" : "保税监管区 Bonded area";
  }
  for (const item of allItems(definition)) {
    if (item.onlyWhen === "reefer" || item.answer === "photo") continue;
    const failing = plan.fail.includes(item.key);
    const key = `answer_${item.key}`;
    if (item.answer === "pass_fail_na") values[key] = failing ? "fail" : "pass";
    else if (item.answer === "yes_no") values[key] = failing ? (item.failOn ?? "no") : item.failOn === "yes" ? "no" : "yes";
    else if (item.answer === "number")
      // A pass is the lower bound, or well inside an upper one (a four-hour restore, not zero).
      values[key] = failing ? String((item.failAbove ?? 0) + 1) : String(item.failBelow ?? Math.floor((item.failAbove ?? 0) / 6));
    else if (item.answer === "text" && item.required) values[key] = "未见异常。 / Nothing unusual.";
    if (failing)
      values[`note_${item.key}`] =
        FAIL_NOTES[item.key] ?? "发现问题，已拍照并报告主管。 / Problem found, photographed and reported to the supervisor.";
  }
  return values;
}

/** The plan of the year: which inspection on which day, by whom, and which ones fail. */
function planYear(ctx: DemoContext): Planned[] {
  const plans: Planned[] = [];
  const guard = ctx.as.security;
  const lead = ctx.as.security_lead;
  const admin = ctx.as.admin;
  const first = shiftDay(ctx.today, -364);
  // Volume is what a first start can write through the commands in seconds: a container a week at
  // the dock (two in the last month), a patrol of each site every four weeks, the lighting and CCTV
  // checks and a truck with its driver every eight, the building inspection quarterly.
  for (let week = 0; week < 52; week++) {
    const monday = shiftDay(first, week * 7);
    for (const offset of week >= 48 ? [ctx.random.int(0, 2), ctx.random.int(3, 4)] : [ctx.random.int(0, 4)]) {
      plans.push({
        code: "container-7-point",
        site: "factory",
        day: shiftDay(monday, offset),
        minutes: ctx.random.int(8 * 60, 16 * 60),
        inspector: guard,
        fail: ctx.random.chance(0.08) ? [ctx.random.pick(["front-wall", "floor", "doors", "undercarriage"])] : [],
      });
    }
    if (week % 4 === 0) {
      plans.push({
        code: "premises-patrol",
        site: "factory",
        day: shiftDay(monday, ctx.random.int(0, 6)),
        minutes: ctx.random.int(20 * 60, 22 * 60),
        inspector: guard,
        fail: ctx.random.chance(0.15) ? ["perimeter-fences"] : [],
      });
    }
    if (week % 4 === 2) {
      plans.push({
        code: "premises-patrol",
        site: "warehouse",
        day: shiftDay(monday, ctx.random.int(0, 6)),
        minutes: ctx.random.int(7 * 60, 9 * 60),
        inspector: guard,
        fail: [],
      });
    }
    if (week % 8 === 1)
      plans.push({ code: "lighting-check", site: "factory", day: shiftDay(monday, 2), minutes: 21 * 60, inspector: guard, fail: [] });
    if (week % 8 === 5)
      plans.push({
        code: "cctv-footage-review",
        site: "warehouse",
        day: shiftDay(monday, 3),
        minutes: 10 * 60,
        inspector: guard,
        fail: [],
      });
    // Every eighth week the haulier's truck and driver are checked too (the 17-point and the identity check).
    if (week % 8 === 3) {
      const day = shiftDay(monday, 1);
      plans.push({ code: "conveyance-17-point", site: "factory", day, minutes: 9 * 60, inspector: guard, fail: [] });
      plans.push({ code: "driver-identity-check", site: "factory", day, minutes: 8 * 60 + 40, inspector: guard, fail: [] });
    }
    if (week % 13 === 6)
      plans.push({ code: "building-inspection", site: "warehouse", day: shiftDay(monday, 4), minutes: 14 * 60, inspector: lead, fail: [] });
    // The IT checks, done by the administrator who runs the systems: the access review each quarter
    // (signed by the security lead), the backup and restore test every four weeks (one restore, in
    // the spring, too slow: its action closed like the others).
    if (week % 13 === 2)
      plans.push({ code: "it-access-review", site: "factory", day: shiftDay(monday, 1), minutes: 15 * 60, inspector: admin, fail: [] });
    if (week % 4 === 3)
      plans.push({
        code: "backup-restore-test",
        site: "factory",
        day: shiftDay(monday, 3),
        minutes: 16 * 60,
        inspector: admin,
        fail: week === 15 ? ["restore-hours"] : [],
      });
  }
  // The endings a working week leaves: a container that failed two days ago (its action now
  // overdue, the container held), and one failed about three months ago that the supervisor released.
  // Yesterday's CCTV review, waiting for the supervisor's signature on the first day.
  plans.push({
    code: "cctv-footage-review",
    site: "warehouse",
    day: shiftDay(ctx.today, -1),
    minutes: 10 * 60,
    inspector: guard,
    fail: [],
  });
  const recent = plans.filter((p) => p.code === "container-7-point" && p.day <= shiftDay(ctx.today, -2)).at(-1);
  if (recent) recent.fail = ["doors"];
  const override = plans.filter((p) => p.code === "container-7-point" && p.day <= shiftDay(ctx.today, -90)).at(-1);
  if (override) override.fail = ["floor"];
  return plans
    .filter((p) => p.day < ctx.today)
    .sort((a, b) => (a.day + String(a.minutes).padStart(4, "0")).localeCompare(b.day + String(b.minutes).padStart(4, "0")));
}

export async function seedDemoInspections(ctx: DemoContext): Promise<DemoContainerInspection[]> {
  const templates = new Map<TemplateCode, { id: string; definition: TemplateDefinition }>();
  for (const code of TEMPLATE_CODES) {
    const template = await getCurrentTemplate(ctx.db, ctx.organizationId, code);
    if (!template) throw new Error(`demo seed: template ${code} is not loaded`);
    templates.set(code, template);
  }
  const plans = planYear(ctx);
  const lastOverride = plans.filter((p) => p.code === "container-7-point" && p.fail.length && p.day <= shiftDay(ctx.today, -90)).at(-1);
  const containers: DemoContainerInspection[] = [];
  const lead = ctx.as.security_lead;
  for (const [index, plan] of plans.entries()) {
    const template = templates.get(plan.code)!;
    const extra: Record<string, string> = {};
    const number = plan.code === "container-7-point" ? containerNumber(ctx) : "";
    if (number) {
      extra.containerNumber = number;
      extra.shipmentRef = `SZX-EXP-${plan.day.slice(0, 4)}-${String(index + 1).padStart(4, "0")}`;
    }
    if (plan.code === "conveyance-17-point" || plan.code === "driver-identity-check") {
      extra.truckPlate = ctx.random.pick(["粤B·D12345", "粤B·F56J21", "沪D·5F3M9"]);
      extra.trailerNumber = `粤B${String(ctx.random.int(1000, 9999))}挂`;
      extra.driverName = ctx.random.pick(["马建国", "唐军", "梁晨"]);
    }
    if (plan.code === "driver-identity-check") {
      extra.driverIdType = "cn_resident_id";
      extra.driverIdNumber = residentIdNumber(ctx.random);
      extra.driverEmployer = "上海示例物流有限公司";
      extra.arrivalTime = "08:30";
    }
    if (plan.code === "cctv-footage-review") {
      extra.reviewFrom = localAt(shiftDay(plan.day, -7), 0);
      extra.reviewTo = localAt(shiftDay(plan.day, -1), 23 * 60 + 59);
      extra.camerasReviewed = "CAM-01 至 CAM-12（监管区、装卸口、周界） / CAM-01 to CAM-12 (bonded area, dock, perimeter)";
    }
    const isItCheck = plan.code === "it-access-review" || plan.code === "backup-restore-test";
    if (isItCheck)
      extra.systemsReviewed = "ERP、单一窗口报关系统、电子邮件 / ERP, single-window declarations, email";
    const photos: DraftInput["photos"] = [];
    // A failed IT point needs a note, not a photo.
    for (const key of isItCheck ? [] : plan.fail)
      photos.push({
        itemKey: key,
        file: await demoPhoto(ctx.random, plan.code === "container-7-point" ? "damage" : "premises", `${key}.jpg`),
      });
    if (plan.code === "container-7-point") photos.push({ itemKey: "doors", file: await demoPhoto(ctx.random, "container", "doors.jpg") });
    const at = clockAt(ctx, plan.day, plan.minutes);
    const outcome = expectOk(
      `inspection ${plan.code} ${plan.day}`,
      await submitInspection(
        ctx.db,
        plan.inspector,
        {
          draftKey: ctx.random.uuid(),
          templateId: template.id,
          values: formValues(template.definition, plan, ctx.sites[plan.site].id, extra),
          photos,
        },
        at,
      ),
    );
    const fixedDay = shiftDay(plan.day, ctx.random.int(0, 1));
    const isRecentFailure = plan.fail.length > 0 && plan.day > shiftDay(ctx.today, -7);
    if (plan.fail.length && !isRecentFailure && plan !== lastOverride) await closeActionsOf(ctx, outcome.id, plan.inspector, fixedDay);
    if (plan === lastOverride) {
      expectOk(
        "release override",
        await releaseInspection(
          ctx.db,
          lead,
          outcome.id,
          "承运人已在主管见证下更换底板并复查，船期不能延误，先放行后补复检记录。 / The carrier replaced the floor board under supervision; released to make the vessel, re-inspection record to follow.",
          clockAt(ctx, plan.day, plan.minutes + 90),
        ),
      );
      await closeActionsOf(ctx, outcome.id, plan.inspector, shiftDay(plan.day, 2));
    }
    // The supervisor signs what must be signed (and a share of the container inspections) within a
    // day or two; the latest review waits for the signature.
    const needsSignoff = template.definition.supervisorSignoff === "required" || (plan.code === "container-7-point" && index % 3 === 0);
    const signDay = shiftDay(plan.day, 1);
    if (needsSignoff && signDay < ctx.today && plan.inspector.userId !== lead.userId) {
      expectOk("sign-off", await signOffInspection(ctx.db, lead, outcome.id, undefined, clockAt(ctx, signDay, 9 * 60 + 30)));
    }
    let released = plan === lastOverride;
    if (plan.code === "container-7-point" && !released && !isRecentFailure) {
      const releaseDay = plan.fail.length ? fixedDay : plan.day;
      expectOk(
        "release",
        await releaseInspection(ctx.db, plan.inspector, outcome.id, undefined, clockAt(ctx, releaseDay, plan.minutes + 120)),
      );
      released = true;
    }
    if (number) containers.push({ id: outcome.id, day: plan.day, minutes: plan.minutes, containerNumber: number, released });
  }
  return containers;
}

/**
 * The inspector closes the actions the inspection raised, with what was done; where the finding holds
 * the container, the security lead verifies the closure half an hour later.
 */
async function closeActionsOf(ctx: DemoContext, inspectionId: string, owner: DemoActor, day: string) {
  const lead = ctx.as.security_lead;
  const actions = await ctx.db
    .select({ id: correctiveActions.id })
    .from(correctiveActions)
    .where(
      and(
        eq(correctiveActions.organizationId, ctx.organizationId),
        eq(correctiveActions.sourceType, "inspection"),
        eq(correctiveActions.sourceId, inspectionId),
      ),
    );
  for (const action of actions) {
    expectOk(
      "closing an inspection's action",
      await updateAction(
        ctx.db,
        owner,
        action.id,
        {
          status: "done",
          closingNote: "已整改并复查合格，照片存档。 / Put right and re-checked; photos filed.",
          ownerUserId: undefined,
          dueOn: undefined,
        },
        null,
        clockAt(ctx, day, 17 * 60),
      ),
    );
    const [closed] = await ctx.db.select({ status: correctiveActions.status }).from(correctiveActions).where(eq(correctiveActions.id, action.id));
    if (closed?.status === "awaiting_verification") {
      expectOk(
        "verifying a closed finding",
        await verifyAction(
          ctx.db,
          lead,
          action.id,
          { intent: "verify", decision: "accept", verificationNote: "现场复核，整改有效。 / Checked on site; the fix holds." },
          clockAt(ctx, day, 17 * 60 + 30),
        ),
      );
    }
  }
}
