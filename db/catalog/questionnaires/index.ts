import { carrierQuestionnaire } from "./carrier";
import { customsBrokerQuestionnaire } from "./customs-broker";
import { generalQuestionnaire } from "./general";
import { logisticsQuestionnaire } from "./logistics";
import { supplierQuestionnaire } from "./supplier";
import type { CatalogQuestionnaire } from "./types";

/** Every built-in partner questionnaire; each partner role is evaluated with exactly one of them. */
export const catalogQuestionnaires: readonly CatalogQuestionnaire[] = [
  generalQuestionnaire,
  supplierQuestionnaire,
  carrierQuestionnaire,
  customsBrokerQuestionnaire,
  logisticsQuestionnaire,
];
