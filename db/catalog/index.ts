import { crosswalk } from "./crosswalk";
import { cn2014General } from "./frameworks/cn-2014-general";
import { cn2022Advanced } from "./frameworks/cn-2022-advanced";
import { ctpatMsc } from "./frameworks/ctpat-msc";
import { wcoSafeAeo } from "./frameworks/wco-safe-aeo";
import { catalogClauses } from "./clauses/library";
import { catalogQuestionnaires } from "./questionnaires";
import { catalogTemplates } from "./templates";
import type { CatalogFramework, CatalogTopic } from "./types";

export { catalogClauses, catalogQuestionnaires, catalogTemplates };

/** Every framework version the application knows, in the order the criteria browser lists them. */
export const catalogFrameworks: readonly CatalogFramework[] = [cn2022Advanced, cn2014General, ctpatMsc, wcoSafeAeo];

export const catalogCrosswalk: readonly CatalogTopic[] = crosswalk;
