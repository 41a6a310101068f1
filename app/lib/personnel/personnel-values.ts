// Values an employee's fields take, as plain lists apart from the zod schemas (personnel-schema.ts),
// so that the training rules and pages use them without loading the schema library.

/**
 * The managers the standards name: the legal representative, the senior manager in charge of customs,
 * the head of customs affairs, the trade-security manager, and the principal person in charge (主要负责人)
 * and the finance head (财务负责人) of CN-2014 items 13 and 20 and CN-2022 (15) and (30).
 */
export const keyRoles = [
  "legal_representative",
  "senior_customs_manager",
  "customs_head",
  "trade_security_manager",
  "principal_person",
  "finance_head",
] as const;
