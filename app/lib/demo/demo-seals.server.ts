// The seal log of the year, through the seal pages' commands: the supervisor receives boxes of
// H-class bolt seals and hands the guard ten at a time; the guard seals each container released
// after its 7-point inspection (with a photo); the supervisor checks a share of them at departure
// (VVTT). One check three days ago found the number on the seal differing from the documents: the
// report waits for the supervisor on the first day.
import { env } from "../env.server";
import { ApplySealSchema, IssueSealsSchema, ReceiveSealsSchema, VerifySealSchema } from "../seals/seal-schema";
import { applySeal } from "../seals/seal-application.server";
import { issueSeals } from "../seals/seal-custody.server";
import { listSealModels, receiveSeals } from "../seals/seal-stock.server";
import { verifySeal } from "../seals/seal-verification.server";
import { clockAt, expectOk, localAt, shiftDay, type DemoContext } from "./demo-context.server";
import type { DemoContainerInspection } from "./demo-inspections.server";
import { demoPhoto } from "./demo-photos.server";

const PREFIX = "SZ";
const BOX = 150;
const HANDED = 10;

function sealNumber(serial: number): string {
  return `${PREFIX}${String(250000 + serial)}`;
}

export async function seedDemoSeals(ctx: DemoContext, containers: readonly DemoContainerInspection[]): Promise<void> {
  const lead = ctx.as.security_lead;
  const guard = ctx.as.security;
  const model = (await listSealModels(ctx.db, ctx.organizationId)).find((m) => m.model.isoClass === "H")?.model;
  if (!model) throw new Error("demo seed: no H-class seal model");
  const origin = env().APP_URL ?? `http://localhost:${env().PORT}`;
  const notifier = {
    organizationName: "深圳示例进出口有限公司",
    reporterName: "周强 Zhou Qiang",
    locale: "zh-CN" as const,
    sealUrl: (id: string) => `${origin}/seals/${id}`,
  };

  const sealed = containers.filter((c) => c.released);
  let received = 0;
  let issued = 0;
  let used = 0;
  const receive = async (day: string) => {
    expectOk(
      "receiving seals",
      await receiveSeals(
        ctx.db,
        lead,
        ReceiveSealsSchema.parse({
          modelId: model.id,
          siteId: ctx.sites.factory.id,
          fromNumber: sealNumber(received + 1),
          toNumber: sealNumber(received + BOX),
          occurredAt: localAt(day, 8 * 60 + 30),
          note: "示例封志制造有限公司发货单 DS-" + day.replaceAll("-", ""),
        }),
      ),
    );
    received += BOX;
  };
  const handOut = async (day: string) => {
    if (issued + HANDED > received) await receive(shiftDay(day, -1));
    expectOk(
      "issuing seals",
      await issueSeals(
        ctx.db,
        lead,
        IssueSealsSchema.parse({
          custodianUserId: guard.userId,
          fromNumber: sealNumber(issued + 1),
          toNumber: sealNumber(issued + HANDED),
        }),
        clockAt(ctx, day, 7 * 60 + 50),
      ),
    );
    issued += HANDED;
  };

  const latest = sealed.at(-1);
  for (const container of sealed) {
    if (used === issued) await handOut(container.day);
    used += 1;
    const number = sealNumber(used);
    const appliedAt = container.minutes + 150;
    expectOk(
      "applying a seal",
      await applySeal(
        ctx.db,
        guard,
        ApplySealSchema.parse({
          sealNumber: number,
          targetKind: "container",
          target: container.containerNumber,
          loadState: "loaded",
          inspectionId: container.id,
          occurredAt: localAt(container.day, Math.min(appliedAt, 23 * 60 + 30)),
        }),
        [await demoPhoto(ctx.random, "seal", `${number}.jpg`)],
      ),
    );
    // The supervisor checks about one in four at the gate; the container three days before the
    // first start is the one whose seal number differs from the bill of lading.
    const mismatch = container === sealed.filter((c) => c.day <= shiftDay(ctx.today, -3)).at(-1);
    if (!mismatch && (used % 4 !== 0 || container === latest)) continue;
    const checkAt = Math.min(appliedAt + 40, 23 * 60 + 45);
    const outcome = expectOk(
      "verifying a seal",
      await verifySeal(
        ctx.db,
        lead,
        VerifySealSchema.parse({
          sealNumber: number,
          stage: "departure",
          view: "pass",
          verify: mismatch ? "fail" : "pass",
          tug: "pass",
          twist: "pass",
          documentNumber: mismatch ? sealNumber(used + 40) : number,
          occurredAt: localAt(container.day, checkAt),
          note: mismatch ? "提单上的封志号与箱上封志不符，已扣车待查。 / The bill of lading names another seal; truck held." : undefined,
        }),
        [await demoPhoto(ctx.random, "seal", `vvtt-${number}.jpg`)],
        notifier,
      ),
    );
    if (mismatch && !outcome.reported) throw new Error("demo seed: the mismatched seal was not reported");
  }
}
