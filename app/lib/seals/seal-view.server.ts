import { can, type Role } from "../auth/permissions";
import { possibleSteps } from "./seal-lifecycle";
import type { getSealChain } from "./seal-queries.server";

// The seal page's data (app/routes/_app.seals.$sealId): the seal's chain of custody as its loader
// read it, with the steps the seal can take next and what the viewer may do decided here rather
// than in the route.

export type SealChain = NonNullable<Awaited<ReturnType<typeof getSealChain>>>;

export interface SealViewer {
  userId: string;
  role: Role;
  timeZone: string;
}

export function sealView(chain: SealChain, viewer: SealViewer) {
  return {
    ...chain,
    timeZone: viewer.timeZone,
    steps: possibleSteps(chain.seal.status),
    canRecord: can(viewer.role, "seals.record"),
    canManage: can(viewer.role, "seals.manage"),
    isCustodian: chain.seal.custodianUserId === viewer.userId,
  };
}

export type SealView = ReturnType<typeof sealView>;
