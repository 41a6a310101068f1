// A generated dossier for tests, through the library: the request writes the row and its job, and
// the test works the dossier queue as a worker would.
import { requestDossier } from "~/lib/dossiers/dossiers.server";
import type { DossierRequest } from "~/lib/dossiers/dossier-schema";
import { todayInZone } from "~/lib/i18n/format";
import { queues } from "~/lib/jobs/job-engine.server";
import type { SignedUp } from "./factories";
import { workQueue } from "./jobs";
import { testDb } from "./test-database";

/** Requests and generates a cn-2022-advanced dossier from 1 January to today (every criterion unless `criteria` says). */
export async function generateDossier(organization: SignedUp, overrides: Partial<DossierRequest> = {}): Promise<string> {
  const actor = { organizationId: organization.organizationId, userId: organization.userId };
  const values: DossierRequest = {
    framework: "cn-2022-advanced",
    periodFrom: "2026-01-01",
    periodTo: todayInZone("Asia/Shanghai"),
    sites: [],
    criteria: [],
    ...overrides,
  };
  const requested = await requestDossier(testDb(), actor, "Asia/Shanghai", values);
  if (!requested.ok) throw new Error(`dossier not requested: ${JSON.stringify(requested.errors)}`);
  await workQueue(queues.dossier);
  return requested.dossierId;
}
