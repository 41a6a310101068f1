import { backupRestoreTest } from "./backup-restore-test";
import { buildingInspection } from "./building-inspection";
import { cctvFootageReview } from "./cctv-footage-review";
import { containerSevenPoint, containerSevenPointV1 } from "./container-7-point";
import { conveyanceSeventeenPoint, conveyanceSeventeenPointV1 } from "./conveyance-17-point";
import { driverIdentityCheck } from "./driver-identity-check";
import { itAccessReview } from "./it-access-review";
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
  itAccessReview,
  backupRestoreTest,
  exportLoadingSupervision,
  secureStorageCheck,
];

/**
 * Earlier versions of built-in templates, loaded too so that every database holds the same versions
 * (inspections recorded against them keep pointing at them; new ones use the newest version).
 */
export const supersededTemplates: readonly CatalogTemplate[] = [containerSevenPointV1, conveyanceSeventeenPointV1];
