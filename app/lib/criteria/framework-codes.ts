/**
 * The certification standards Tradeguard carries (db/catalog/frameworks/), in the order pages list
 * them: China Customs' 2022 advanced-certification standard first, then its 2014 general one, then
 * US CTPAT's minimum security criteria and the WCO SAFE framework's AEO conditions.
 */
export const frameworkCodes = ["cn-2022-advanced", "cn-2014-general", "ctpat-msc", "wco-safe-aeo"] as const;

export type FrameworkCode = (typeof frameworkCodes)[number];
