import { buildingInspection } from "./building-inspection";
import { cctvFootageReview } from "./cctv-footage-review";
import { containerSevenPoint } from "./container-7-point";
import { conveyanceSeventeenPoint } from "./conveyance-17-point";
import { driverIdentityCheck } from "./driver-identity-check";
import { exportLoadingSupervision } from "./export-loading-supervision";
import { lightingCheck } from "./lighting-check";
import { premisesPatrol } from "./premises-patrol";
import { secureStorageCheck } from "./secure-storage-check";
import type { CatalogTemplate } from "./types";

/** Every built-in checklist template, in the order the template picker lists them. */
export const catalogTemplates: readonly CatalogTemplate[] = [
  containerSevenPoint,
  conveyanceSeventeenPoint,
  driverIdentityCheck,
  premisesPatrol,
  lightingCheck,
  cctvFootageReview,
  buildingInspection,
  exportLoadingSupervision,
  secureStorageCheck,
];
