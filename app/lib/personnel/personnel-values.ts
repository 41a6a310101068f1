// Values an employee's fields take, as plain lists apart from the zod schemas (personnel-schema.ts),
// so that the training rules and pages use them without loading the schema library.

export const keyRoles = ["legal_representative", "senior_customs_manager", "customs_head", "trade_security_manager"] as const;
