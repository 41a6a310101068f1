// A few receiving and shipping reconciliations of the last weeks, through the command the form's
// action calls: incoming components counted at the warehouse against the supplier's documents
// (one arriving with the sender's seal), finished goods leaving the factory, and one shortage the
// guard explained and raised a corrective action for, owned by the security lead.
import { recordReconciliation } from "../cargo/cargo-reconciliations.server";
import { CargoReconciliationSchema } from "../cargo/cargo-schema";
import {
  clockAt,
  expectOk,
  shiftDay,
  type DemoContext,
} from "./demo-context.server";

export async function seedDemoCargo(ctx: DemoContext): Promise<void> {
  const guard = ctx.as.security;
  const lead = ctx.as.security_lead;
  const record = async (back: number, input: Record<string, string>) => {
    const day = shiftDay(ctx.today, -back);
    const values = CargoReconciliationSchema.parse({
      ...input,
      reconciledOn: day,
    });
    expectOk(
      `cargo reconciliation ${day}`,
      await recordReconciliation(ctx.db, guard, values, {
        today: ctx.today,
        timeZone: guard.timeZone,
        now: clockAt(ctx, day, 15 * 60),
      }),
    );
  };
  await record(20, {
    direction: "receiving",
    siteId: ctx.sites.warehouse.id,
    billOfLading: "COSU6181234560",
    packingList: "PL-SZ-24118",
    invoiceNumbers: "INV-88231",
    containerNumber: "CSQU3054383",
    sealNumber: "CN2291847",
    expectedPackages: "240",
    countedPackages: "240",
    expectedWeightKg: "9600",
    countedWeightKg: "9588",
  });
  await record(12, {
    direction: "shipping",
    siteId: ctx.sites.factory.id,
    packingList: "PL-EXP-0412",
    invoiceNumbers: "CI-2026-0412",
    expectedPackages: "36",
    countedPackages: "36",
    expectedWeightKg: "5220",
    countedWeightKg: "5230.5",
  });
  await record(6, {
    direction: "receiving",
    siteId: ctx.sites.warehouse.id,
    billOfLading: "MEDU7712093",
    packingList: "PL-SZ-24203",
    expectedPackages: "180",
    countedPackages: "176",
    expectedWeightKg: "4500",
    countedWeightKg: "4402",
    note: "少 4 箱（纸箱完好、封志完好），已在承运人交接单上注明短少并拍照；已通知供应商核查装箱记录。",
    raiseAction: "yes",
    actionOwnerUserId: lead.userId,
    actionDueOn: shiftDay(ctx.today, 4),
  });
  await record(2, {
    direction: "shipping",
    siteId: ctx.sites.factory.id,
    packingList: "PL-EXP-0425",
    invoiceNumbers: "CI-2026-0425",
    expectedPackages: "48",
    countedPackages: "48",
  });
}
