// A year of the demo organisation's work, written through the domain's own commands in the order
// it happened: policies first (assessments cite them), people, the gate's records, partners, then
// the self-assessments and the dossiers of the two Chinese standards. Each demo account is the
// actor of what its role does, so every role's dashboard has its own items on the first day.
import { inArray } from "drizzle-orm";
import { users } from "../../../db/schema";
import type { Database } from "../db-types.server";
import { logger } from "../logger.server";
import { demoAccounts } from "./demo-accounts.server";
import { DEMO_TIME_ZONE, DemoRandom, demoToday, type DemoActor, type DemoContext } from "./demo-context.server";
import { seedDemoInspections } from "./demo-inspections.server";
import { seedDemoPeople } from "./demo-people.server";
import { seedDemoSeals } from "./demo-seals.server";
import { seedDemoVisitors } from "./demo-visitors.server";
import { seedDemoCargo } from "./demo-cargo.server";
import { seedDemoIncidents } from "./demo-incidents.server";
import { seedDemoLastYearAssessment, seedDemoPolicies, seedDemoRecentAssessment } from "./demo-compliance.server";
import { seedDemoDossiers } from "./demo-dossiers.server";
import { seedDemoInternalAudit, seedDemoRiskAssessment } from "./demo-audits.server";
import { seedDemoContinuity } from "./demo-continuity.server";
import { seedDemoPartners } from "./demo-partners.server";
import { seedDemoTraining } from "./demo-training.server";

/** The same sequence on every first start. */
const DEMO_RANDOM_SEED = 20_240_318;

export async function demoContext(db: Database, organizationId: string, sites: DemoContext["sites"], now: Date): Promise<DemoContext> {
  const rows = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      inArray(
        users.email,
        demoAccounts.filter((a) => a.organization === "demo").map((a) => a.email),
      ),
    );
  const actorOf = (role: DemoActor["role"]): DemoActor => {
    const email = demoAccounts.find((a) => a.organization === "demo" && a.role === role)?.email;
    const userId = rows.find((r) => r.email === email)?.id;
    if (!userId) throw new Error(`demo seed: no demo account for ${role}`);
    return { organizationId, userId, role, timeZone: DEMO_TIME_ZONE };
  };
  return {
    db,
    organizationId,
    as: {
      owner: actorOf("owner"),
      admin: actorOf("admin"),
      compliance: actorOf("compliance"),
      security_lead: actorOf("security_lead"),
      security: actorOf("security"),
      procurement: actorOf("procurement"),
      hr: actorOf("hr"),
    },
    sites,
    today: demoToday(now),
    now,
    random: new DemoRandom(DEMO_RANDOM_SEED),
  };
}

export interface DemoActivityOptions {
  /**
   * Runs the history with a job engine this callback opens and closes around it: the embedded start
   * seeds before its server starts one, and the dossier requests (and any email, with SMTP_URL) add
   * jobs. Without it the commands use the process's engine (tests).
   */
  withJobEngine?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** Writes the year of activity, in the order it happened. */
export async function seedDemoActivity(ctx: DemoContext, options: DemoActivityOptions = {}): Promise<void> {
  // Wall and CPU time per part, in the log: the first start's budget is a minute (bench:startup).
  const timings: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await work();
    const used = process.cpuUsage(cpuBefore);
    timings[name] = Math.round(performance.now() - started);
    cpu[name] = Math.round((used.user + used.system) / 1000);
    return result;
  };
  const withJobs = options.withJobEngine ?? (<T>(work: () => Promise<T>) => work());
  await withJobs(async () => {
    // Roughly in the order it happened, so running numbers (actions above all) follow the dates.
    const policies = await timed("policies", () => seedDemoPolicies(ctx));
    await timed("lastYearAssessment", () => seedDemoLastYearAssessment(ctx, policies));
    const people = await timed("people", () => seedDemoPeople(ctx));
    await timed("training", () => seedDemoTraining(ctx, people));
    const containers = await timed("inspections", () => seedDemoInspections(ctx));
    await timed("seals", () => seedDemoSeals(ctx, containers));
    await timed("visitors", () => seedDemoVisitors(ctx));
    await timed("cargo", () => seedDemoCargo(ctx));
    await timed("incidents", () => seedDemoIncidents(ctx));
    await timed("partners", () => seedDemoPartners(ctx));
    await timed("internalAudit", () => seedDemoInternalAudit(ctx));
    await timed("riskAssessment", () => seedDemoRiskAssessment(ctx));
    await timed("continuity", () => seedDemoContinuity(ctx));
    await timed("recentAssessment", () => seedDemoRecentAssessment(ctx, policies));
    await timed("dossiers", () => seedDemoDossiers(ctx));
  });
  logger.info({ ms: timings, cpuMs: cpu }, "demo activity seeded");
}
