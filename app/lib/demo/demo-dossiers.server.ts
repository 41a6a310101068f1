// The two dossiers a certifier asks for, requested through the dossier command as compliance would:
// the year's trade-security criteria of each Chinese standard (CN-2022 items 31-62, CN-2014 items
// 21-28) at both sites. The request writes the row and its job; the server's worker renders the PDFs
// after the start, as it renders any dossier.
import { requestDossier } from "../dossiers/dossiers.server";
import { DEMO_TIME_ZONE, expectOk, shiftDay, type DemoContext } from "./demo-context.server";

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

export async function seedDemoDossiers(ctx: DemoContext): Promise<void> {
  for (const [framework, criteria] of [
    ["cn-2022-advanced", range(31, 62)],
    ["cn-2014-general", range(21, 28)],
  ] as const) {
    expectOk(
      `dossier ${framework}`,
      await requestDossier(
        ctx.db,
        ctx.as.compliance,
        DEMO_TIME_ZONE,
        {
          framework,
          periodFrom: shiftDay(ctx.today, -364),
          periodTo: ctx.today,
          sites: [ctx.sites.factory.id, ctx.sites.warehouse.id],
          criteria: [...criteria],
        },
        ctx.now,
      ),
    );
  }
}
