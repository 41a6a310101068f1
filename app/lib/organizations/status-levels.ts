// The certification levels an organisation can hold, per programme, as data (read by the
// organisation's settings, its schema and the dashboard). Browser-safe: plain values only.
// The organisation records the level it holds under each programme in organization_statuses: the
// China Customs one with its profile (which also keeps it in organizations.aeo_status), the others
// on the same settings page (organization-statuses.server.ts).

export interface StatusLevel {
  code: string;
  nameZh: string;
  nameEn: string;
  /** The catalogue framework whose criteria this level is assessed against, when there is one. */
  framework: string | null;
}

export interface StatusProgramme {
  code: "cn-customs" | "ctpat" | "eu-aeo";
  nameZh: string;
  nameEn: string;
  /** Highest level first. "none" (not certified) is implicit and not listed. */
  levels: readonly StatusLevel[];
}

export const statusProgrammes = [
  {
    code: "cn-customs",
    nameZh: "中国海关认证企业",
    nameEn: "China Customs certified enterprise",
    levels: [
      { code: "advanced", nameZh: "高级认证企业", nameEn: "Advanced certified enterprise", framework: "cn-2022-advanced" },
      { code: "general", nameZh: "一般认证企业", nameEn: "General certified enterprise", framework: "cn-2014-general" },
    ],
  },
  {
    code: "ctpat",
    nameZh: "美国海关-商贸反恐伙伴计划（CTPAT）",
    nameEn: "CTPAT (U.S. CBP)",
    levels: [
      { code: "tier-3", nameZh: "第三级（认证并验证，超出最低标准）", nameEn: "Tier III (certified and validated, exceeding the minimum)", framework: "ctpat-msc" },
      { code: "tier-2", nameZh: "第二级（认证并验证）", nameEn: "Tier II (certified and validated)", framework: "ctpat-msc" },
      { code: "tier-1", nameZh: "第一级（认证）", nameEn: "Tier I (certified)", framework: "ctpat-msc" },
    ],
  },
  {
    code: "eu-aeo",
    nameZh: "欧盟经认证的经营者（AEO）",
    nameEn: "EU Authorised Economic Operator",
    levels: [
      { code: "aeof", nameZh: "AEOF（海关简化与安全保障）", nameEn: "AEOF (customs simplifications and security and safety)", framework: "wco-safe-aeo" },
      { code: "aeos", nameZh: "AEOS（安全保障）", nameEn: "AEOS (security and safety)", framework: "wco-safe-aeo" },
      { code: "aeoc", nameZh: "AEOC（海关简化）", nameEn: "AEOC (customs simplifications)", framework: null },
    ],
  },
] as const satisfies readonly StatusProgramme[];

/** The China Customs levels, as the organisation's profile records them ("none" first). */
export const cnCustomsLevels = ["none", ...statusProgrammes[0].levels.map((l) => l.code)] as ["none", "advanced", "general"];

export type ProgrammeCode = StatusProgramme["code"];
export const programmeCodes = statusProgrammes.map((p) => p.code) as ["cn-customs", "ctpat", "eu-aeo"];
/** The programmes recorded apart from the profile's China Customs fields. */
export const otherProgrammeCodes = ["ctpat", "eu-aeo"] as const;

export function programmeOf(code: string): StatusProgramme | undefined {
  return statusProgrammes.find((p) => p.code === code);
}

/** The level of a programme by its code, or undefined when the programme has no such level. */
export function levelOf(programme: string, level: string): StatusLevel | undefined {
  return programmeOf(programme)?.levels.find((l) => l.code === level);
}
