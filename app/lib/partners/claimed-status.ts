// A partner's claimed customs status checked against what our register records for it: a partner
// that answers "高级认证企业" while the register says it is a general (or unknown, or dishonest)
// enterprise, one that claims an AEO certificate the register does not hold, or a register that
// says AEO (China Customs advanced certification) while its credit status says otherwise. Each is
// a flag for the reviewer to check at the customs credit platform, not a verdict. Pure: the
// evaluation page's data calls it.

type CustomsCredit = "advanced" | "general" | "dishonest" | "unknown";
type AeoProgramme = "none" | "cn_advanced" | "ctpat" | "eu_aeo" | "other_mra";

export type StatusFlag =
  /** The answer to the customs credit question differs from the register's credit status. */
  | { kind: "credit"; claimed: Exclude<CustomsCredit, "unknown">; recorded: CustomsCredit }
  /** The partner says it holds a valid AEO certificate; the register records none. */
  | { kind: "aeo" }
  /** The register records China Customs advanced certification but a credit status other than advanced. */
  | { kind: "record"; recorded: CustomsCredit };

/** The questionnaire's credit-status options, as the register's values ("na": not registered, nothing to compare). */
const claimedCredit: Record<string, Exclude<CustomsCredit, "unknown"> | undefined> = {
  advanced: "advanced",
  registered: "general",
  dishonest: "dishonest",
};

export const CREDIT_QUESTION = "customs-credit-status";
export const AEO_QUESTION = "aeo-status";

export function statusFlags(
  partner: { customsCredit: CustomsCredit; aeoProgramme: AeoProgramme },
  /** The partner's own answers when it submitted them, else the evaluation's. */
  answers: Record<string, { option: string } | undefined>,
): StatusFlag[] {
  const flags: StatusFlag[] = [];
  const claimed = claimedCredit[answers[CREDIT_QUESTION]?.option ?? ""];
  if (claimed && claimed !== partner.customsCredit) flags.push({ kind: "credit", claimed, recorded: partner.customsCredit });
  if (answers[AEO_QUESTION]?.option === "certified" && partner.aeoProgramme === "none") flags.push({ kind: "aeo" });
  if (partner.aeoProgramme === "cn_advanced" && partner.customsCredit !== "advanced") flags.push({ kind: "record", recorded: partner.customsCredit });
  return flags;
}
