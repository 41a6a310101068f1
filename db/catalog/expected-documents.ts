// What a criterion that no record type feeds expects as evidence: the policy or document a certifier
// asks for instead of day-to-day records. Keyed by framework code and stable key; shown on the
// criterion's page in place of records (tests/unit/evidence/coverage-goal.test.ts keeps it complete
// for the trade-security criteria and CTPAT).
export interface ExpectedDocument {
  textZh: string;
  textEn: string;
}

export const expectedDocuments: Readonly<Record<string, ExpectedDocument>> = {
  "ctpat-msc/1.1": {
    textZh: "由高级管理人员签署的供应链安全支持声明，并在公司适当场所张贴（上传为制度文件并注明张贴位置）。",
    textEn: "A statement of support for supply-chain security signed by a senior official and displayed in company locations (upload it as a policy and note where it is posted).",
  },
  "ctpat-msc/1.2": {
    textZh: "跨部门供应链安全小组的成立文件：成员名单、所属部门、职责及会议纪要。",
    textEn: "The charter of the cross-functional supply-chain security team: members, their departments, responsibilities and meeting minutes.",
  },
  "ctpat-msc/1.4": {
    textZh: "CTPAT 联络人的任命文件及其向管理层定期汇报项目情况的记录（如季度简报）。",
    textEn: "The appointment of the CTPAT points of contact and their regular updates to management on the programme (e.g. quarterly briefings).",
  },
  "ctpat-msc/3.9": {
    textZh: "社会责任合规制度：说明如何确保进口货物不是由强迫劳动、监狱劳动、契约劳工或童工生产。",
    textEn: "A social-compliance policy saying how the company ensures imported goods are not made with forced, prison, indentured or child labour.",
  },
  "ctpat-msc/4.1-4.6": {
    textZh: "书面网络安全制度和程序（含防病毒、防火墙、漏洞修补、数据恢复），注明每年复核的日期与复核人。",
    textEn: "Written cybersecurity policies and procedures (malware, firewalls, patching, data recovery), with the date and reviewer of their yearly review.",
  },
  "ctpat-msc/4.10-4.13": {
    textZh: "个人设备使用规定，以及信息介质（硬盘、U盘等）清单和按 NIST 指南进行数据清除后报废的记录。",
    textEn: "Rules for personal devices, an inventory of IT media (disks, USB drives) and the records of their NIST-compliant sanitisation at disposal.",
  },
  "ctpat-msc/5.8": {
    textZh: "管理层对已检查的运输工具和集装箱进行随机复查的程序及复查记录。",
    textEn: "The procedure for management's random searches of conveyances and containers already inspected by staff, and the records of those searches.",
  },
};
