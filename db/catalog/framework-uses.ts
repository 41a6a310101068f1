// What the application does with each framework of the catalogue, as data beside the frameworks:
// code never lists framework codes. A framework added to ./frameworks appears in the criteria
// browser, assessments and dossiers by itself; these lists say where else it is used.

/**
 * The standards a Chinese AEO enterprise is judged by (China Customs' 2022 advanced and 2014
 * general standards): the dashboard measures criteria coverage over them, in this order.
 */
export const dashboardCoverageFrameworks: readonly string[] = ["cn-2022-advanced", "cn-2014-general"];

/** The order the criteria browser and the pickers list the frameworks in; others follow by code. */
export const frameworkOrder: readonly string[] = ["cn-2022-advanced", "cn-2014-general", "ctpat-msc", "wco-safe-aeo"];
