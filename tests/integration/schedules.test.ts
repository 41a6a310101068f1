// Inspection schedules at /schedules and what the dashboard makes of them.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { dueInspections, listSchedules } from "~/lib/inspections/schedules.server";
import * as dashboardRoute from "~/routes/_app._index/route";
import * as schedulesRoute from "~/routes/_app.schedules._index";
import { addMember, createSite, signUpOrganization, type SignedUp } from "../support/factories";
import { submitContainerInspection } from "../support/inspection-factories";
import { callAction, callLoader, errorsOf, keyOf } from "../support/requests";
import { countRows, testDb } from "../support/test-database";

let org: SignedUp;
let siteId: string;

beforeAll(async () => {
  org = await signUpOrganization();
  siteId = (await createSite(org.cookie)).id;
});

function create(cookie: string, fields: Record<string, string>) {
  return callAction(
    schedulesRoute,
    "/schedules",
    { intent: "create", siteId, templateCode: "container-7-point", frequency: "daily", startsOn: "2026-11-01", ...fields },
    { cookie },
  );
}

describe("schedules", () => {
  test("a daily schedule is overdue until an inspection is done, then done until tomorrow", async () => {
    expect((await create(org.cookie, {})).status).toBe(302);
    const tz = "Asia/Shanghai";
    // 2026-11-20 10:00 in Shanghai: nothing done since the start on 11-01, so 11-01 was missed.
    const morning = new Date("2026-11-20T02:00:00Z");
    let [schedule] = await listSchedules(testDb(), org.organizationId, tz, morning);
    expect(schedule?.status).toEqual({ state: "overdue", missed: { start: "2026-11-01", end: "2026-11-01" } });
    // The inspection of 11-20 09:30 (Shanghai) covers that day.
    await submitContainerInspection({ organizationId: org.organizationId, userId: org.userId }, siteId);
    [schedule] = await listSchedules(testDb(), org.organizationId, tz, morning);
    expect(schedule?.lastDoneOn).toBe("2026-11-20");
    expect(schedule?.status).toEqual({ state: "done", next: { start: "2026-11-21", end: "2026-11-21" } });
    // The next day it is due again.
    [schedule] = await listSchedules(testDb(), org.organizationId, tz, new Date("2026-11-21T02:00:00Z"));
    expect(schedule?.status).toEqual({ state: "due", period: { start: "2026-11-21", end: "2026-11-21" } });
    const due = await dueInspections(testDb(), org.organizationId, tz, new Date("2026-11-21T02:00:00Z"));
    expect(due.due.map((s) => s.schedule.templateCode)).toEqual(["container-7-point"]);
  });

  test("one schedule per site and checklist; wrong input gets a field message and writes nothing", async () => {
    const before = await countRows("inspection_schedules", sql`organization_id = ${org.organizationId}`);
    const twice = await create(org.cookie, { frequency: "weekly" });
    expect(keyOf(errorsOf(twice).templateCode)).toBe("schedules.exists");
    expect(keyOf(errorsOf(await create(org.cookie, { templateCode: "no-such-checklist" })).templateCode)).toBe("errors.choose");
    expect(keyOf(errorsOf(await create(org.cookie, { frequency: "hourly", templateCode: "lighting-check" })).frequency)).toBe(
      "errors.choose",
    );
    expect(keyOf(errorsOf(await create(org.cookie, { startsOn: "2026-02-30", templateCode: "lighting-check" })).startsOn)).toBe(
      "errors.date",
    );
    expect(await countRows("inspection_schedules", sql`organization_id = ${org.organizationId}`)).toBe(before);
  });

  test("paused schedules are not due; a guard sees schedules but cannot change them", async () => {
    expect((await create(org.cookie, { templateCode: "premises-patrol", startsOn: "2026-01-01" })).status).toBe(302);
    const page = await callLoader<{ schedules: { id: string; templateCode: string }[] }>(schedulesRoute, "/schedules", {
      cookie: org.cookie,
    });
    const patrol = page.data.schedules.find((s) => s.templateCode === "premises-patrol")!;
    const guard = await addMember(org.cookie, "security");
    expect((await callLoader(schedulesRoute, "/schedules", { cookie: guard.cookie })).status).toBe(200);
    expect(
      (await callAction(schedulesRoute, "/schedules", { intent: "pause", scheduleId: patrol.id }, { cookie: guard.cookie })).status,
    ).toBe(403);
    expect(
      (await callAction(schedulesRoute, "/schedules", { intent: "pause", scheduleId: patrol.id }, { cookie: org.cookie })).status,
    ).toBe(302);
    const due = await dueInspections(testDb(), org.organizationId, "Asia/Shanghai");
    expect([...due.due, ...due.overdue].map((s) => s.schedule.templateCode)).not.toContain("premises-patrol");
  });

  test("another organisation's schedule id is a 404 and changes nothing", async () => {
    const other = await signUpOrganization();
    const page = await callLoader<{ schedules: { id: string }[] }>(schedulesRoute, "/schedules", { cookie: org.cookie });
    const id = page.data.schedules[0]!.id;
    for (const intent of ["pause", "resume", "delete"]) {
      expect((await callAction(schedulesRoute, "/schedules", { intent, scheduleId: id }, { cookie: other.cookie })).status).toBe(404);
    }
    expect(
      (await callAction(schedulesRoute, "/schedules", { intent: "delete", scheduleId: "nope" }, { cookie: other.cookie })).status,
    ).toBe(404);
    expect(await countRows("inspection_schedules", sql`id = ${id}`)).toBe(1);
    // Nor may a schedule name another organisation's site.
    const foreign = await callAction(
      schedulesRoute,
      "/schedules",
      { intent: "create", siteId, templateCode: "lighting-check", frequency: "daily", startsOn: "2026-11-01" },
      { cookie: other.cookie },
    );
    expect(keyOf(errorsOf(foreign).siteId)).toBe("errors.choose");
  });

  test("the dashboard lists what is overdue with a link to start it", async () => {
    type Data = {
      groups: { kind: string; lines: { href: string; state: string }[] }[];
      overview: { area: string; kinds: { kind: string; total: number }[] }[] | null;
    };
    const guard = await addMember(org.cookie, "security");
    const mine = await callLoader<Data>(dashboardRoute, "/", { cookie: guard.cookie });
    const due = mine.data.groups.find((g) => g.kind === "inspection_due");
    expect(due?.lines).toContainEqual(expect.objectContaining({ href: `/inspections/new?template=container-7-point&site=${siteId}`, state: "overdue" }));
    // The owner sees the gate's count, not the rounds as their own work.
    const owner = await callLoader<Data>(dashboardRoute, "/", { cookie: org.cookie });
    expect(owner.data.groups.some((g) => g.kind === "inspection_due")).toBe(false);
    const gate = owner.data.overview?.find((a) => a.area === "gate");
    expect(gate?.kinds.find((k) => k.kind === "inspection_due")?.total).toBeGreaterThan(0);
  });
});
