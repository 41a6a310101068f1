// WCO SAFE Framework of Standards: conditions and requirements for the Authorized Economic Operator.
// Thirteen headings A–M (docs/criteria.md, "WCO SAFE AEO requirements"). The wording is a paraphrase of the AEO annex, not a quotation.
import type { CatalogFramework } from "../types";

const options = ["meets", "partly_meets", "fails", "not_applicable"] as const;

export const wcoSafeAeo = {
  code: "wco-safe-aeo",
  version: "2021.1",
  nameZh: "世界海关组织《全球贸易安全与便利标准框架》AEO条件与要求",
  nameEn: "WCO SAFE Framework of Standards: AEO Conditions and Requirements",
  sourceZh:
    "世界海关组织《全球贸易安全与便利标准框架》（2021年版）“海关与经认证的经营者（AEO）的条件和要求”附件；本目录依据2018年版附件四整理，据信2021年版未作实质改动。",
  sourceEn:
    "WCO SAFE Framework of Standards to Secure and Facilitate Global Trade, 2021 edition: annex on Conditions and Requirements for Customs and the Authorized Economic Operator. This catalogue follows Annex IV of the 2018 edition, which is believed to have been carried over unchanged.",
  scoringRule: "qualitative",
  improvement: {
    kind: "not_stated",
    noteZh: "WCO SAFE 框架的 AEO 条件未规定改进期限，也未列出不得改进的条件；本系统不设改进期限。",
    noteEn: "The AEO conditions of the WCO SAFE Framework set no improvement period and list no conditions that cannot be improved; Tradeguard sets no improvement deadline.",
  },
  criteria: [
    {
      key: "A",
      code: "A",
      level: "item",
      titleZh: "海关守法记录",
      titleEn: "Demonstrated compliance with Customs requirements",
      textZh:
        "在本国AEO制度规定的期限内，企业具有可接受的海关守法记录。企业成立时间短于该期限的，依据其他可获得的可靠记录，或其所有者、管理人员的守法记录进行判断。",
      textEn:
        "The AEO has an acceptable record of compliance with customs requirements over a period set by the national AEO programme. Where the company has existed for less than that period, the judgement rests on other available reliable records or on the compliance record of its owners or managers.",
      options,
      provenance: "official",
    },
    {
      key: "B",
      code: "B",
      level: "item",
      titleZh: "令人满意的商业记录管理系统",
      titleEn: "Satisfactory system for management of commercial records",
      textZh:
        "企业及时、准确、完整地记录进出口活动，记录能够支持海关开展以稽查为基础的监管，并在本国法律允许的范围内向海关提供查阅。企业按规定妥善归档保存记录，妥善保管与进出口货物相关的授权文件和许可证件，并采取足够的信息技术安全措施，防止记录系统被非法侵入。",
      textEn:
        "The AEO keeps timely, accurate and complete records of its imports and exports that allow audit-based customs control, and gives customs access to them as national law permits. Records are archived appropriately, licences and authorisations relating to the goods are kept safely, and adequate IT security protects the records system against unauthorised intrusion.",
      options,
      provenance: "official",
    },
    {
      key: "C",
      code: "C",
      level: "item",
      titleZh: "财务偿付能力",
      titleEn: "Financial viability",
      textZh: "企业财务状况良好，足以履行与其业务性质相应的各项义务，并能够维持和改进供应链安全措施。",
      textEn:
        "The AEO is in a sound financial position, sufficient to meet its commitments in keeping with the nature of its business and to maintain and improve its supply-chain security measures.",
      options,
      provenance: "official",
    },
    {
      key: "D",
      code: "D",
      level: "item",
      titleZh: "磋商、合作与沟通",
      titleEn: "Consultation, co-operation and communication",
      textZh:
        "企业指定联络人并明确告知海关；直接或通过行业协会与海关保持定期对话；通过本国AEO制度规定的机制，向海关报告可疑或异常的货物单证及可疑货物。",
      textEn:
        "The AEO designates contact points and makes them known to customs, maintains regular dialogue with customs (directly or through trade associations), and reports suspicious or irregular cargo documentation and suspicious cargo to customs through the mechanism set by the national AEO programme.",
      options,
      provenance: "official",
    },
    {
      key: "E",
      code: "E",
      level: "item",
      titleZh: "教育、培训和意识",
      titleEn: "Education, training and awareness",
      textZh:
        "企业就安全政策、识别可疑货物和安全事件以及相关报告程序，对员工（适当时包括贸易伙伴）进行培训，并保存培训记录。",
      textEn:
        "The AEO trains its staff and, where appropriate, its trading partners on security policies, on recognising suspicious cargo and security incidents, and on the procedures for reporting them, and keeps records of the training given.",
      options,
      provenance: "official",
    },
    {
      key: "F",
      code: "F",
      level: "item",
      titleZh: "信息交换、获取和保密",
      titleEn: "Information exchange, access and confidentiality",
      textZh:
        "企业保护敏感的商业和安全信息，防止其被滥用或未经授权修改；准确、及时地提交提前电子信息；制定信息技术安全政策并落实控制措施（如防火墙、密码），并建立备份机制，防止信息丢失。",
      textEn:
        "The AEO protects sensitive commercial and security information from misuse and unauthorised alteration, submits accurate and timely advance electronic data, and maintains IT-security policies and controls (such as firewalls and passwords) together with back-up arrangements against loss of information.",
      options,
      provenance: "official",
    },
    {
      key: "G",
      code: "G",
      level: "item",
      titleZh: "货物安全",
      titleEn: "Cargo security",
      textZh:
        "企业建立货物完整性和准入控制措施，制定货物安全手册；以书面程序规范施封；所用封志达到或高于现行ISO 17712标准，并由指定人员负责封志的发放管理。装货前对集装箱和运输工具的七个部位进行检查（前壁、左侧、右侧、地板、顶板/顶部、内外门、外部/底盘）。核对货物与单证是否一致，对货物的存放和移出实施管控，发现非法侵入时及时报告。",
      textEn:
        "The AEO maintains cargo-integrity and access controls and a cargo-security manual. Written procedures govern sealing; seals meet or exceed the current ISO 17712 standard, and their issuance is controlled by designated staff. Containers and conveyances are inspected before loading at seven points (front wall, left side, right side, floor, ceiling/roof, inside/outside doors, outside/undercarriage). Goods are reconciled with their documents, the storage and removal of goods are controlled, and intrusions are reported.",
      options,
      provenance: "official",
    },
    {
      key: "H",
      code: "H",
      level: "item",
      titleZh: "运输工具安全",
      titleEn: "Conveyance security",
      textZh:
        "企业确保其控制范围内运输工具的安全；对运输工具中易于藏匿物品的部位进行检查，并记录所检查的部位；确保无人看管的运输工具安全，并在其返回时进行检查；对运输工具操作人员开展培训；报告运输工具安全遭到破坏或疑似遭到破坏的情况。",
      textEn:
        "The AEO secures the conveyances under its control, inspects the areas of conveyances prone to concealment and records the areas inspected, secures unattended conveyances and checks them on return, trains conveyance operators, and reports actual or suspected breaches of conveyance security.",
      options,
      provenance: "official",
    },
    {
      key: "I",
      code: "I",
      level: "item",
      titleZh: "场所安全",
      titleEn: "Premises security",
      textZh:
        "企业的建筑物能够防止非法侵入，并定期检查和维护；门、窗和围栏配备锁闭装置，钥匙实行统一管理；出入口、货物装卸和存放区域、围栏沿线及停车场照明充足；大门有人值守或受到监控；车辆停放在指定区域，并登记车牌号码；限制区域标识清晰；根据风险情况配备报警、门禁和监控系统。",
      textEn:
        "The AEO's buildings resist unlawful entry and are regularly inspected and maintained; doors, windows and fences are secured with locks, and keys are managed; lighting is adequate at gates, loading and storage areas, fence lines and parking areas; gates are manned or monitored; vehicles park in designated areas with their registration plates recorded; restricted areas are clearly marked; and alarms, access control and monitoring systems are used as the risk requires.",
      options,
      provenance: "official",
    },
    {
      key: "J",
      code: "J",
      level: "item",
      titleZh: "人员安全",
      titleEn: "Personnel security",
      textZh:
        "在本国法律允许的范围内，企业在录用前审查拟聘人员，确认其没有与安全相关的海关违法记录或刑事犯罪记录；定期对安全敏感岗位人员进行审查；为全体员工发放企业身份识别证件；建立识别和处置身份不明的访客和供应商的程序；员工离职时及时收回其身份证件，并撤销其进入场所和信息系统的权限。",
      textEn:
        "Within the limits of national law, the AEO screens prospective employees for security-relevant customs or criminal records, periodically checks employees in security-sensitive positions, issues company identification to all employees, has procedures for dealing with unidentified visitors and vendors, and promptly withdraws identification and access to premises and IT systems when people leave.",
      options,
      provenance: "official",
    },
    {
      key: "K",
      code: "K",
      level: "item",
      titleZh: "贸易伙伴安全",
      titleEn: "Trading partner security",
      textZh:
        "企业鼓励贸易伙伴评估并加强其供应链安全，在可行时通过合同予以约定；签订合同前核实贸易伙伴的相关信息；保存上述工作的证明文件，供海关查阅。",
      textEn:
        "The AEO encourages its trading partners, and where feasible requires them by contract, to assess and improve their supply-chain security; verifies information about prospective partners before contracting; and keeps evidence of these efforts available to customs.",
      options,
      provenance: "official",
    },
    {
      key: "L",
      code: "L",
      level: "item",
      titleZh: "危机管理和灾后恢复",
      titleEn: "Crisis management and incident recovery",
      textZh: "为减轻灾害或恐怖事件的影响，企业预先制定计划，建立应急处置程序，并定期开展人员培训和应急预案测试。",
      textEn:
        "To limit the impact of a disaster or terrorist incident, the AEO plans in advance and establishes emergency procedures, and periodically trains staff in and tests its contingency plans.",
      options,
      provenance: "official",
    },
    {
      key: "M",
      code: "M",
      level: "item",
      titleZh: "评估、分析和改进",
      titleEn: "Measurement, analyses and improvement",
      textZh:
        "企业定期评估其业务中的安全风险，并采取相应措施降低风险；按照明确规定的程序和责任人，对安全管理体系开展自我评估；并将评估结果纳入改进计划。",
      textEn:
        "The AEO regularly assesses the security risks in its operations and takes measures to mitigate them; carries out a self-assessment of its security-management system under defined procedures with named responsible persons; and feeds the findings into an improvement plan.",
      options,
      provenance: "official",
    },
  ],
} as const satisfies CatalogFramework;
