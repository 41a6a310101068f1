// The contract security clause library as data: bilingual clauses a contract or written notice
// includes so that partners improve their trade security (CN-2014 item 24 (2), CN-2022 (56), CTPAT
// 3.1/3.5, WCO K). Versioned like the frameworks; an organisation may adapt a clause (a new version
// of its own), and a contract records the exact version it includes.

export interface ClauseCriterionRef {
  framework: string;
  key: string;
}

export interface CatalogClause {
  /** Stable, URL-safe: "high-security-seals". */
  code: string;
  version: number;
  titleZh: string;
  titleEn: string;
  /** The clause as it is written into a contract: full sentences, formal register. */
  textZh: string;
  textEn: string;
  /** Required in every partner contract unless the organisation changes its list. */
  requiredByDefault: boolean;
  /** The partner roles the clause is written for (empty: all partners). */
  roles: readonly ("manufacturer_supplier" | "carrier" | "customs_broker" | "freight_forwarder" | "warehouse" | "third_party_logistics" | "other")[];
  criteria: readonly ClauseCriterionRef[];
}
