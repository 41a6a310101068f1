// China Customs 《海关高级认证企业标准》 (海关总署公告2022年第106号): 附件2 通用标准 and 附件3 单项标准.
// Chinese text is verbatim from the official attachments (see docs/criteria.md, "China 2022 advanced certification");
// the only normalisation is a half-width comma in sub-item (13) written as a full-width "，".
// Result options per class follow the table headers of 附件2; the pass rule (附件1 说明) is in scoring rule
// "cn-2022-advanced": no 不达标, at most 3 基本达标 in the general part and 3 in the business-type part.
import type { CatalogFramework } from "../types";

export const cn2022Advanced = {
  code: "cn-2022-advanced",
  version: "2022.1",
  nameZh: "海关高级认证企业标准",
  nameEn: "China Customs Advanced Certified Enterprise Standard",
  sourceZh:
    "海关总署公告2022年第106号（附件1说明、附件2通用标准、附件3单项标准）",
  sourceEn:
    "General Administration of Customs of China (GACC) Announcement No. 106 of 2022 (Annex 1 Explanatory Notes, Annex 2 General Criteria, Annex 3 Business-Type Criteria)",
  scoringRule: "cn-2022-advanced",
  improvement: {
    kind: "not_stated",
    noteZh:
      "公告2022年第106号附件1《海关高级认证企业标准》说明只规定认证结果、通过认证的条件和时间计算，没有规定规范改进的期限，也没有列出不得规范改进的条款（通用标准第（12）项只要求由法定代表人（负责人）或者负责关务的高级管理人员组织实施海关要求的改正或者规范改进）。因此本系统不设改进期限，也不把任何条款标为不可改进；期限以海关书面通知为准。",
    noteEn:
      "The explanatory notes of Announcement No. 106 of 2022 (Annex 1) cover results, the conditions for passing and the counting of time only: they set no improvement period and list no criteria that cannot be improved (general criterion (12) only says the legal representative or the senior customs manager leads the corrections or improvements customs requires). Tradeguard therefore sets no improvement deadline and marks no criterion as not improvable; follow the period customs gives in writing.",
  },
  criteria: [
    {
      key: "g-1",
      code: "一",
      level: "class",
      titleZh: "内部控制标准",
      titleEn: "Internal control",
      textZh: "",
      textEn: "",
      options: [],
      part: "general",
      provenance: "official",
      children: [
        {
          key: "item-1",
          code: "1",
          level: "item",
          titleZh: "关企沟通联系合作",
          titleEn: "Customs–enterprise communication, liaison and cooperation",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "1",
              code: "（1）",
              level: "sub_item",
              titleZh: "关企联系合作机制",
              titleEn: "Customs liaison and cooperation mechanism",
              textZh:
                "建立并执行与海关沟通联系和合作的机制，指定高级管理人员负责关务。在发现异常、可疑的货物单据或者非法、可疑和不明货物涉及海关业务时，及时通知海关。",
              textEn:
                "Establish and implement a mechanism for communication, liaison and cooperation with customs, and designate a senior manager to be responsible for customs affairs. When abnormal or suspicious goods documents, or illegal, suspicious or unidentified goods, involving customs business are discovered, notify customs promptly.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "2",
              code: "（2）",
              level: "sub_item",
              titleZh: "岗位职责",
              titleEn: "Division of duties",
              textZh:
                "企业的进出口业务、财务、贸易安全、内部审计等岗位职责分工明确。",
              textEn:
                "The duties of the enterprise's import and export business, finance, trade security, internal audit and other posts are clearly divided.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-2",
          code: "2",
          level: "item",
          titleZh: "进出口单证",
          titleEn: "Import and export documents",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "3",
              code: "（3）",
              level: "sub_item",
              titleZh: "单证复核",
              titleEn: "Document review",
              textZh:
                "建立并执行进出口单证复核或者纠错制度，在申报前或者委托申报前有专门部门或者岗位人员对进出口单证的真实性、准确性、规范性和完整性进行内部复核。",
              textEn:
                "Establish and implement a system for reviewing or correcting import and export documents: before declaring, or before entrusting a declaration, a dedicated department or dedicated staff internally review the truthfulness, accuracy, conformity and completeness of the import and export documents.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "4",
              code: "（4）",
              level: "sub_item",
              titleZh: "单证保管",
              titleEn: "Document retention",
              textZh:
                "建立并执行进出口单证保管制度，妥善保存海关要求保管的进出口单证以及与进出口直接相关的其他资料和海关核发的证书、法律文书等。",
              textEn:
                "Establish and implement a system for keeping import and export documents, and properly keep the import and export documents that customs requires to be kept, other materials directly related to import and export, and certificates, legal instruments and the like issued by customs.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "5",
              code: "（5）",
              level: "sub_item",
              titleZh: "禁止类产品合规审查",
              titleEn: "Compliance review of prohibited products",
              textZh: "建立并执行禁止类产品合规审查制度。",
              textEn:
                "Establish and implement a compliance review system for prohibited products.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "6",
              code: "（6）",
              level: "sub_item",
              titleZh: "认证专门档案",
              titleEn: "Dedicated certification file",
              textZh: "建立企业认证的书面或者电子资料的专门档案。",
              textEn:
                "Establish a dedicated file of the enterprise's written or electronic certification materials.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-3",
          code: "3",
          level: "item",
          titleZh: "信息系统",
          titleEn: "Information system",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "7",
              code: "（7）",
              level: "sub_item",
              titleZh: "信息系统",
              titleEn: "Information system",
              textZh:
                "建立有效管理企业生产经营、进出口活动、财务数据等的信息系统，进出口活动主要环节在系统中能够实现流程检索、跟踪，涉及的货物流、单证流、信息流能够相互印证。",
              textEn:
                "Establish an information system that effectively manages the enterprise's production and operations, import and export activities, financial data and the like; the main stages of import and export activities can be searched and tracked as a process in the system, and the flows of goods, documents and information involved can be cross-verified against one another.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "8",
              code: "（8）",
              level: "sub_item",
              titleZh: "数据录入与保存",
              titleEn: "Data entry and retention",
              textZh:
                "生产经营数据以及与进出口活动有关的数据及时、准确、完整、规范录入系统。系统数据自进出口货物办结海关手续之日起保存3年以上。",
              textEn:
                "Production and operation data and data related to import and export activities are entered into the system in a timely, accurate, complete and standardised manner. System data are kept for at least 3 years from the date on which customs formalities for the import or export goods are completed.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "9",
              code: "（9）",
              level: "sub_item",
              titleZh: "信息安全管理制度",
              titleEn: "Information security management system",
              textZh:
                "建立并执行信息安全管理制度，包括防火墙、密码等保护信息系统免受未经授权的访问，以及防止信息丢失的程序和备份功能，并对违反信息安全管理制度造成损害的行为予以责任追究。",
              textEn:
                "Establish and implement an information security management system, including firewalls, passwords and other means of protecting the information system against unauthorised access, and procedures and backup functions to prevent the loss of information; hold accountable any violation of the information security management system that causes damage.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-4",
          code: "4",
          level: "item",
          titleZh: "内部审计和改进",
          titleEn: "Internal audit and improvement",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "10",
              code: "（10）",
              level: "sub_item",
              titleZh: "内审制度",
              titleEn: "Internal audit system",
              textZh: "建立并执行对进出口活动的内部审计制度。",
              textEn:
                "Establish and implement an internal audit system for import and export activities.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "11",
              code: "（11）",
              level: "sub_item",
              titleZh: "年度内审",
              titleEn: "Annual internal audit",
              textZh:
                "每年实施进出口活动及持续符合高级认证企业标准的内部审计，完整记录内部审计过程和结果。",
              textEn:
                "Every year, carry out an internal audit of import and export activities and of continuing conformity with the advanced certified enterprise standard, and fully record the internal audit process and results.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "12",
              code: "（12）",
              level: "sub_item",
              titleZh: "改进与责任追究",
              titleEn: "Improvement and accountability",
              textZh:
                "建立并执行对进出口活动中已发现问题的改进机制和违法行为的责任追究机制。发现有不符合海关企业认证标准事项导致企业无法持续符合高级认证企业标准的，应当主动及时向海关报告。对海关要求的改正或者规范改进等事项，应当由法定代表人（负责人）或者负责关务的高级管理人员组织实施。",
              textEn:
                "Establish and implement a mechanism for improving problems found in import and export activities and a mechanism for holding violations accountable. Where any matter not conforming to the customs enterprise certification standards is found that leaves the enterprise unable to continue meeting the advanced certified enterprise standard, report it to customs proactively and promptly. Corrections, standardisation improvements and other matters required by customs shall be organised and implemented by the legal representative (person in charge) or the senior manager responsible for customs affairs.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
      ],
    },
    {
      key: "g-2",
      code: "二",
      level: "class",
      titleZh: "财务状况标准",
      titleEn: "Financial status",
      textZh: "",
      textEn: "",
      options: [],
      part: "general",
      provenance: "official",
      children: [
        {
          key: "item-5",
          code: "5",
          level: "item",
          titleZh: "财务状况",
          titleEn: "Financial status",
          textZh:
            "注：海关对企业财务状况认定标准如下：\n（一）对企业财务状况的认定。\n1．企业提供会计师事务所审计报告的。\n（1）上年度审计报告为无保留意见且无连续5年资产负债率超过95%情形的，该项标准为达标；\n（2）上年度审计报告为带保留意见且无连续5年资产负债率超过95%情形的，该项标准为基本达标；\n（3）上年度审计报告为否定意见，或者连续5年资产负债率超过95%情形的，该项标准为不达标。\n2．企业的ERP系统已与海关对接且提供资产负债表的，企业无连续5年资产负债率超过95%情形，该项标准为达标。\n（二）企业资产负债率计算公式。\n资产负债率=负债总额/资产总额。\n负债总额、资产总额以资产负债表的期末值为准。",
          textEn:
            "Note: Customs determines an enterprise's financial status as follows:\n(I) Determination of the enterprise's financial status.\n1. Where the enterprise provides an audit report issued by an accounting firm:\n(1) if the audit report for the previous year carries an unqualified opinion and there is no case of the debt-to-asset ratio exceeding 95% for 5 consecutive years, this criterion is met;\n(2) if the audit report for the previous year carries a qualified opinion and there is no case of the debt-to-asset ratio exceeding 95% for 5 consecutive years, this criterion is basically met;\n(3) if the audit report for the previous year carries an adverse opinion, or the debt-to-asset ratio has exceeded 95% for 5 consecutive years, this criterion is not met.\n2. Where the enterprise's ERP system is connected with customs and it provides a balance sheet, and there is no case of the debt-to-asset ratio exceeding 95% for 5 consecutive years, this criterion is met.\n(II) Formula for the enterprise's debt-to-asset ratio.\nDebt-to-asset ratio = total liabilities / total assets.\nTotal liabilities and total assets are taken at their period-end values in the balance sheet.",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "13",
              code: "（13）",
              level: "sub_item",
              titleZh: "财务证明",
              titleEn: "Proof of financial status",
              textZh:
                "企业应当提供财务状况相关证明，可选择以下任一方式：\n提供会计师事务所审计报告。\n企业的ERP系统已与海关对接的，提供资产负债表。",
              textEn:
                "The enterprise shall provide proof of its financial status, in either of the following ways:\nProvide an audit report issued by an accounting firm.\nWhere the enterprise's ERP system is connected with customs, provide a balance sheet.",
              options: ["meets", "partly_meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "14",
              code: "（14）",
              level: "sub_item",
              titleZh: "资产负债率",
              titleEn: "Debt-to-asset ratio",
              textZh: "无连续5年资产负债率超过95%情形。",
              textEn:
                "No case of the debt-to-asset ratio exceeding 95% for 5 consecutive years.",
              options: ["meets", "partly_meets", "fails"],
              part: "general",
              provenance: "official",
            },
          ],
        },
      ],
    },
    {
      key: "g-3",
      code: "三",
      level: "class",
      titleZh: "守法规范标准",
      titleEn: "Law-abiding compliance",
      textZh: "",
      textEn: "",
      options: [],
      part: "general",
      provenance: "official",
      children: [
        {
          key: "item-6",
          code: "6",
          level: "item",
          titleZh: "遵守法律法规",
          titleEn: "Compliance with laws and regulations",
          textZh:
            "上述（16）（17）所列行为经海关认定系企业自查发现并主动向海关报明的，比照《中华人民共和国海关注册登记和备案企业信用管理办法》第三十七条第四款执行。",
          textEn:
            "Where customs determines that an act listed in (16) or (17) above was found by the enterprise's own self-inspection and proactively reported to customs, it is handled by reference to Article 37, paragraph 4 of the Measures of the Customs of the People's Republic of China for the Credit Management of Enterprises Registered and Filed with Customs.",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "15",
              code: "（15）",
              level: "sub_item",
              titleZh: "关键人员无刑事处罚",
              titleEn: "No criminal punishment of key persons",
              textZh:
                "企业法定代表人、主要负责人、财务负责人、关务负责人1年内未因故意犯罪受过刑事处罚。",
              textEn:
                "Within 1 year, the enterprise's legal representative, principal person in charge, person in charge of finance and person in charge of customs affairs have not received criminal punishment for an intentional crime.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "16",
              code: "（16）",
              level: "sub_item",
              titleZh: "单次行政处罚金额",
              titleEn: "Amount of a single administrative penalty",
              textZh:
                "1年内无因违反海关的监管规定被海关行政处罚金额超过5万元的行为。",
              textEn:
                "Within 1 year, no act for which customs imposed an administrative penalty of more than RMB 50,000 for violating customs supervision provisions.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "17",
              code: "（17）",
              level: "sub_item",
              titleZh: "累计处罚金额与违法次数",
              titleEn: "Cumulative penalties and number of violations",
              textZh:
                "1年内因违反海关的监管规定被海关行政处罚金额累计不超过10万元，且违法次数不超过5次或者违法次数不超过上年度报关单、进出境备案清单、进出境运输工具舱单等单证总票数千分之一。",
              textEn:
                "Within 1 year, the administrative penalties imposed by customs for violating customs supervision provisions total no more than RMB 100,000, and the number of violations does not exceed 5 or does not exceed one thousandth of the total number of customs declarations, entry/exit record lists, manifests of inbound and outbound means of transport and other documents of the previous year.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "18",
              code: "（18）",
              level: "sub_item",
              titleZh: "进口禁止进境固体废物",
              titleEn: "Import of prohibited solid waste",
              textZh:
                "1年内无因进口禁止进境的固体废物违反海关监管规定被海关行政处罚的情形。",
              textEn:
                "Within 1 year, no administrative penalty by customs for violating customs supervision provisions by importing solid waste prohibited from entry.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-7",
          code: "7",
          level: "item",
          titleZh: "进出口记录",
          titleEn: "Import and export record",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "19",
              code: "（19）",
              level: "sub_item",
              titleZh: "进出口活动",
              titleEn: "Import and export activity",
              textZh: "1年内有进出口活动或者为进出口活动提供相关服务。",
              textEn:
                "Within 1 year, the enterprise has carried out import or export activities or provided services related to import and export activities.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-8",
          code: "8",
          level: "item",
          titleZh: "税款缴纳",
          titleEn: "Payment of duties and taxes",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "20",
              code: "（20）",
              level: "sub_item",
              titleZh: "无逾期欠缴税款罚款",
              titleEn: "No overdue duties or fines",
              textZh:
                "认证期间，没有超过法定期限尚未缴纳海关要求缴纳的税款（包括滞纳金）、罚款（包括加处罚款）的情形。",
              textEn:
                "During certification, there is no case of duties and taxes (including late-payment surcharges) or fines (including additional fines) that customs requires to be paid remaining unpaid beyond the statutory time limit.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-9",
          code: "9",
          level: "item",
          titleZh: "管理要求",
          titleEn: "Management requirements",
          textZh: "1年内企业无以下情形：",
          textEn: "Within 1 year, the enterprise has none of the following:",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "21",
              code: "（21）",
              level: "sub_item",
              titleZh: "向海关人员行贿",
              titleEn: "Bribing customs officers",
              textZh: "向海关人员行贿。",
              textEn: "Offering bribes to customs officers.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "22",
              code: "（22）",
              level: "sub_item",
              titleZh: "提供虚假情况或隐瞒事实",
              titleEn: "False information or concealment of facts",
              textZh: "向海关提供虚假情况或者隐瞒事实。",
              textEn:
                "Providing false information to customs or concealing facts.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "23",
              code: "（23）",
              level: "sub_item",
              titleZh: "拒不配合海关执法",
              titleEn: "Refusing to cooperate with law enforcement",
              textZh: "拒不配合海关执法。",
              textEn: "Refusing to cooperate with customs law enforcement.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "24",
              code: "（24）",
              level: "sub_item",
              titleZh: "转移隐匿篡改毁弃单证",
              titleEn: "Removing, hiding, altering or destroying documents",
              textZh:
                "转移、隐匿、篡改、毁弃报关单等进出口单证以及与进出口直接相关的其他资料。",
              textEn:
                "Removing, hiding, altering or destroying customs declarations and other import and export documents, and other materials directly related to import and export.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "25",
              code: "（25）",
              level: "sub_item",
              titleZh: "拒绝拖延提供材料",
              titleEn: "Refusing or delaying to provide materials",
              textZh:
                "拒绝、拖延向海关提供账簿、单证或海关归类、价格、原产地、减免税核查所需资料等有关材料。",
              textEn:
                "Refusing or delaying to provide customs with account books, documents, or materials needed for customs verification of classification, price, origin or duty reduction and exemption, and other relevant materials.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "26",
              code: "（26）",
              level: "sub_item",
              titleZh: "逾期不改正",
              titleEn: "Failure to correct within the time limit",
              textZh: "被海关责令限期改正，但逾期不改正。",
              textEn:
                "Being ordered by customs to make corrections within a time limit, but failing to do so by the deadline.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "27",
              code: "（27）",
              level: "sub_item",
              titleZh: "逾期不履行义务",
              titleEn: "Failure to perform obligations within the time limit",
              textZh:
                "由海关要求承担技术处理、退运、销毁等义务，但逾期不履行。",
              textEn:
                "Being required by customs to undertake obligations such as technical treatment, return shipment or destruction, but failing to perform them by the deadline.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "28",
              code: "（28）",
              level: "sub_item",
              titleZh: "涉税要素申报不规范",
              titleEn: "Non-standard declaration of tax-related elements",
              textZh: "报关单涉税要素申报不规范。",
              textEn:
                "Non-standard declaration of tax-related elements in customs declarations.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
            {
              key: "29",
              code: "（29）",
              level: "sub_item",
              titleZh: "高风险商品伪瞒报夹藏夹带",
              titleEn: "False declaration or concealment in high-risk goods",
              textZh:
                "涉及危险品等海关重点关注的高风险商品伪瞒报、夹藏夹带被查发。",
              textEn:
                "Being found to have made false or concealed declarations, or to have hidden or carried concealed items, involving dangerous goods or other high-risk goods of key customs concern.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-10",
          code: "10",
          level: "item",
          titleZh: "外部信用",
          titleEn: "External credit",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "30",
              code: "（30）",
              level: "sub_item",
              titleZh: "未列入失信联合惩戒名单",
              titleEn: "Not on the joint-punishment list for dishonesty",
              textZh:
                "企业和企业法定代表人、主要负责人、财务负责人、关务负责人1年内未被列入国家失信联合惩戒名单。",
              textEn:
                "Within 1 year, neither the enterprise nor its legal representative, principal person in charge, person in charge of finance or person in charge of customs affairs has been placed on the national list for joint punishment of dishonesty.",
              options: ["meets", "fails"],
              part: "general",
              provenance: "official",
            },
          ],
        },
      ],
    },
    {
      key: "g-4",
      code: "四",
      level: "class",
      titleZh: "贸易安全标准",
      titleEn: "Trade security",
      textZh: "",
      textEn: "",
      options: [],
      part: "general",
      provenance: "official",
      children: [
        {
          key: "item-11",
          code: "11",
          level: "item",
          titleZh: "经营场所安全",
          titleEn: "Business premises security",
          textZh:
            "企业经营场所应当具有相应设施防止未载明货物和未经许可人员进入。根据企业经营特点和风险防范需要落实以下措施：",
          textEn:
            "The enterprise's business premises shall have appropriate facilities to prevent the entry of goods not stated in the documents and of unauthorised persons. The following measures shall be implemented according to the enterprise's business characteristics and risk-prevention needs:",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "31",
              code: "（31）",
              level: "sub_item",
              titleZh: "场所安全管理制度",
              titleEn: "Premises security management system",
              textZh: "建立并执行企业经营场所安全的管理制度。",
              textEn:
                "Establish and implement a security management system for the enterprise's business premises.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "32",
              code: "（32）",
              level: "sub_item",
              titleZh: "建筑物",
              titleEn: "Buildings",
              textZh:
                "建筑物的建造方式能够防止非法闯入，定期对建筑物进行检查和修缮，保证其完整性、安全性。",
              textEn:
                "Buildings are constructed in a way that prevents unlawful entry; buildings are inspected and repaired periodically to ensure their integrity and security.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "33",
              code: "（33）",
              level: "sub_item",
              titleZh: "锁闭装置与进出控制",
              titleEn: "Locking devices and access control",
              textZh:
                "使用锁闭装置或者采取进出监控以及指纹、人脸识别等进出控制措施保护所有内外部窗户、大门和围墙的安全，实行钥匙发放与回收的登记管理或者进出权限的授予与取消管理。",
              textEn:
                "Protect the security of all internal and external windows, gates and fences with locking devices, or with access-control measures such as entry/exit monitoring and fingerprint or face recognition; manage the issue and return of keys by registration, or manage the granting and withdrawal of access rights.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "34",
              code: "（34）",
              level: "sub_item",
              titleZh: "照明",
              titleEn: "Lighting",
              textZh:
                "企业经营场所必须有充足的照明，包括以下重要敏感区域：出入口，货物、物品装卸和仓储区域，围墙周边及停车场/停车区域等。",
              textEn:
                "The enterprise's business premises must have adequate lighting, including in the following important sensitive areas: entrances and exits, areas for loading, unloading and storage of goods and articles, fence perimeters, and car parks/parking areas.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "35",
              code: "（35）",
              level: "sub_item",
              titleZh: "出入口驻守",
              titleEn: "Guarded entrances and exits",
              textZh:
                "车辆、人员进出企业的出入口配备人员驻守。仅允许经正确识别和授权的人员、车辆和货物进出。",
              textEn:
                "Entrances and exits through which vehicles and persons enter or leave the enterprise are staffed by guards. Only properly identified and authorised persons, vehicles and goods are allowed to enter or leave.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "36",
              code: "（36）",
              level: "sub_item",
              titleZh: "受控区域",
              titleEn: "Controlled areas",
              textZh:
                "对单证存放区域和货物、物品装卸、仓储区域等实施受控进入管理，明确标识受控区域。对未经授权或者身份不明人员有质疑和报告的程序。",
              textEn:
                "Apply controlled-access management to document storage areas and to areas for loading, unloading and storage of goods and articles, and clearly mark the controlled areas. Have procedures for challenging and reporting unauthorised or unidentified persons.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "37",
              code: "（37）",
              level: "sub_item",
              titleZh: "视频监控",
              titleEn: "Video surveillance",
              textZh:
                "企业经营场所的重要敏感区域装有视频监控系统，视频监控记录保存时限应当满足企业自身供应链安全检查追溯的要求。",
              textEn:
                "Important sensitive areas of the enterprise's business premises are equipped with a video surveillance system; video recordings are kept for a period that meets the enterprise's own needs for supply chain security checks and tracing.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-12",
          code: "12",
          level: "item",
          titleZh: "人员安全",
          titleEn: "Personnel security",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "38",
              code: "（38）",
              level: "sub_item",
              titleZh: "入职离职与员工档案",
              titleEn: "Onboarding, departure and employee files",
              textZh:
                "建立并执行员工入职、离职等管理制度。实行员工档案管理，具有动态的员工清单。",
              textEn:
                "Establish and implement management systems for employee onboarding, departure and the like. Maintain employee files and a dynamic list of employees.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "39",
              code: "（39）",
              level: "sub_item",
              titleZh: "背景调查",
              titleEn: "Background checks",
              textZh:
                "招聘新员工时应当进行违法记录调查。对在安全敏感岗位工作的员工应当进行定期或者有原因的背景调查。",
              textEn:
                "When recruiting new employees, check their records of violations of law. Conduct periodic or for-cause background checks on employees working in security-sensitive positions.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "40",
              code: "（40）",
              level: "sub_item",
              titleZh: "身份识别与离职取消授权",
              titleEn:
                "Identification and withdrawal of authorisations on departure",
              textZh:
                "对企业员工进行身份识别，要求所有员工携带企业发放的身份标识，对离职员工及时取消身份识别、经营场所和信息系统访问的授权。",
              textEn:
                "Identify employees: require all employees to carry identification issued by the enterprise, and promptly withdraw departing employees' identification and their authorisations to access the business premises and information systems.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "41",
              code: "（41）",
              level: "sub_item",
              titleZh: "访客登记",
              titleEn: "Visitor registration",
              textZh:
                "实行访客进出登记管理，登记时必须检查带有照片的身份证件或者进行人脸识别登记。访客进入企业经营场所应当佩戴临时身份标识，进入企业受控区域应当有企业内部人员陪同。",
              textEn:
                "Register visitors' entry and exit; registration must include checking an identity document bearing a photograph, or face-recognition registration. Visitors on the enterprise's business premises shall wear temporary identification, and shall be accompanied by enterprise staff when entering the enterprise's controlled areas.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-13",
          code: "13",
          level: "item",
          titleZh: "货物、物品安全",
          titleEn: "Security of goods and articles",
          textZh:
            "本标准所称集装箱包括海运集装箱、空运集装器和在火车、卡车、飞机、轮船和任何其他运输工具上的用于装运进出口货物、进出境物品的可移动装置和厢式货车。",
          textEn:
            'For the purposes of this standard, "container" includes sea containers, air unit load devices, and movable units and box vans used on trains, trucks, aircraft, ships and any other means of transport to carry import and export goods and inbound and outbound articles.',
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "42",
              code: "（42）",
              level: "sub_item",
              titleZh: "货物安全管理制度",
              titleEn: "Goods security management system",
              textZh:
                "建立并执行保证进出口货物、进出境物品在运输、装卸和存储过程中的完整性、安全性的管理制度。",
              textEn:
                "Establish and implement a management system that ensures the integrity and security of import and export goods and inbound and outbound articles during transport, loading and unloading, and storage.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "43",
              code: "（43）",
              level: "sub_item",
              titleZh: "七点检查法",
              titleEn: "Seven-point inspection",
              textZh:
                "在装货前检查集装箱结构的物理完整性和可靠性，包括门的锁闭系统的可靠性，并做好相关登记。检查采取“七点检查法”（即对集装箱按照以下部位进行检查：前壁、左侧、右侧、地板、顶部、内/外门、外部/起落架）。",
              textEn:
                'Before loading, inspect the physical integrity and reliability of the container structure, including the reliability of the door locking system, and record the inspection. The inspection uses the "seven-point inspection method" (i.e. the container is inspected at the following parts: front wall, left side, right side, floor, top, inside/outside doors, outside/undercarriage).',
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "44",
              code: "（44）",
              level: "sub_item",
              titleZh: "封条",
              titleEn: "Seals",
              textZh:
                "确保企业及其在供应链中负有封条责任的商业伙伴建立并执行施加和检验封条的书面制度和程序，封条有专人管理、登记，已装货集装箱使用的封条符合或者超出现行PAS ISO 17712高度安全封条标准。",
              textEn:
                "Ensure that the enterprise and its business partners with responsibility for seals in the supply chain establish and implement written policies and procedures for affixing and verifying seals; seals are managed and registered by designated staff, and the seals used on loaded containers meet or exceed the current PAS ISO 17712 high-security seal standard.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "45",
              code: "（45）",
              level: "sub_item",
              titleZh: "安全存放",
              titleEn: "Secure storage",
              textZh:
                "确保企业保管的货物、物品和集装箱存放在安全的区域，防止未经授权的人员接触货物、物品。",
              textEn:
                "Ensure that goods, articles and containers in the enterprise's custody are stored in secure areas, preventing unauthorised persons from having access to the goods and articles.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "46",
              code: "（46）",
              level: "sub_item",
              titleZh: "司机身份核实",
              titleEn: "Driver identity verification",
              textZh:
                "在货物被装运或者接收前对装运或者接收货物运输工具的驾驶人员进行身份核实。",
              textEn:
                "Before goods are shipped or received, verify the identity of the driver of the conveyance shipping or receiving the goods.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "47",
              code: "（47）",
              level: "sub_item",
              titleZh: "装运和接收核实",
              titleEn: "Shipping and receiving verification",
              textZh:
                "运抵的货物、物品要与货物、物品单证的信息相符，核实货物、物品的重量、标签、件数或者箱数，离岸的货物、物品要与购货订单或者装运订单上的内容进行核实，在货物、物品关键交接环节有保护制度，实施签名、盖章或者其它确认措施。",
              textEn:
                "Arriving goods and articles shall match the information in their documents, and their weight, labels and number of pieces or cartons shall be verified; departing goods and articles shall be verified against purchase orders or shipping orders. Protective procedures apply at key hand-over points for goods and articles, with signatures, stamps or other confirmation measures.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "48",
              code: "（48）",
              level: "sub_item",
              titleZh: "差异及异常报告",
              titleEn: "Discrepancies and anomaly reporting",
              textZh:
                "在出现货物、物品溢、短装，法检商品安全、卫生、环保等指标不合格或者其他异常现象时要及时报告或者采取其他应对措施。",
              textEn:
                "In case of overages or shortages of goods or articles, failure of goods subject to statutory inspection to meet safety, health, environmental or other indicators, or other anomalies, report promptly or take other response measures.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "49",
              code: "（49）",
              level: "sub_item",
              titleZh: "出口监装",
              titleEn: "Supervision of export loading",
              textZh:
                "生产型企业对出口货物、物品实施专人监装并保存相关记录；非生产型企业要求建立管理制度确保出口货物、物品安全装运。",
              textEn:
                "Manufacturing enterprises have designated staff supervise the loading of export goods and articles and keep the related records; non-manufacturing enterprises are required to establish a management system to ensure that export goods and articles are loaded securely.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-14",
          code: "14",
          level: "item",
          titleZh: "运输工具安全",
          titleEn: "Conveyance security",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "50",
              code: "（50）",
              level: "sub_item",
              titleZh: "运输工具管理制度",
              titleEn: "Conveyance management system",
              textZh:
                "建立并执行保证在其供应链内用于进出口货物、进出境物品运输的所有运输工具的完整性、安全性的管理制度。",
              textEn:
                "Establish and implement a management system that ensures the integrity and security of all conveyances used within its supply chain to transport import and export goods and inbound and outbound articles.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "51",
              code: "（51）",
              level: "sub_item",
              titleZh: "装货前检查",
              titleEn: "Pre-loading inspection",
              textZh: "在装货前对运输工具进行检查，防止藏匿可疑货物、物品。",
              textEn:
                "Inspect conveyances before loading to prevent suspicious goods or articles from being concealed.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "52",
              code: "（52）",
              level: "sub_item",
              titleZh: "无人看管时的安全",
              titleEn: "Security when unattended",
              textZh: "确保运输工具在无人看管的情况下的安全。",
              textEn:
                "Ensure the security of conveyances when they are unattended.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "53",
              code: "（53）",
              level: "sub_item",
              titleZh: "驾驶人员培训",
              titleEn: "Driver training",
              textZh:
                "确保运输工具的驾驶人员经过培训，保证运输工具和货物、物品的安全。",
              textEn:
                "Ensure that conveyance drivers are trained to keep the conveyances and the goods and articles secure.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-15",
          code: "15",
          level: "item",
          titleZh: "商业伙伴安全",
          titleEn: "Business partner security",
          textZh:
            "本标准所称商业伙伴是指与进出口相关的商业伙伴。商业伙伴系海关高级认证企业的，企业可以免于对该商业伙伴执行本项标准。",
          textEn:
            'For the purposes of this standard, "business partner" means a business partner related to import and export. Where a business partner is a customs advanced certified enterprise, the enterprise may be exempted from applying this item to that business partner.',
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "54",
              code: "（54）",
              level: "sub_item",
              titleZh: "商业伙伴管理制度",
              titleEn: "Business partner management system",
              textZh: "建立并执行评估、检查商业伙伴供应链安全的管理制度。",
              textEn:
                "Establish and implement a management system for assessing and checking the supply chain security of business partners.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "55",
              code: "（55）",
              level: "sub_item",
              titleZh: "商业伙伴全面评估",
              titleEn: "Comprehensive assessment of business partners",
              textZh:
                "在筛选商业伙伴时根据本认证标准对商业伙伴进行全面评估，重点评估守法合规、贸易安全和供货资质。",
              textEn:
                "When selecting business partners, comprehensively assess them against this certification standard, focusing on legal compliance, trade security and supply qualifications.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "56",
              code: "（56）",
              level: "sub_item",
              titleZh: "书面建议",
              titleEn: "Written recommendation",
              textZh:
                "企业应当在合同、协议或者其他书面资料中建议商业伙伴按照本认证标准优化和完善贸易安全管理，以加强全球供应链的安全性。",
              textEn:
                "The enterprise shall, in contracts, agreements or other written materials, recommend that its business partners optimise and improve their trade security management in accordance with this certification standard, so as to strengthen the security of the global supply chain.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "57",
              code: "（57）",
              level: "sub_item",
              titleZh: "定期监控检查",
              titleEn: "Periodic monitoring and checks",
              textZh: "定期监控或者检查商业伙伴遵守贸易安全要求的情况。",
              textEn:
                "Periodically monitor or check business partners' compliance with trade security requirements.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
        {
          key: "item-16",
          code: "16",
          level: "item",
          titleZh: "海关业务和贸易安全培训",
          titleEn: "Customs business and trade security training",
          textZh: "",
          textEn: "",
          options: [],
          part: "general",
          provenance: "official",
          children: [
            {
              key: "58",
              code: "（58）",
              level: "sub_item",
              titleZh: "培训制度",
              titleEn: "Training system",
              textZh:
                "建立并执行海关法律法规等相关规定和贸易安全相关知识的内部培训制度。",
              textEn:
                "Establish and implement an internal training system on customs laws, regulations and other relevant provisions and on trade security knowledge.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "59",
              code: "（59）",
              level: "sub_item",
              titleZh: "海关法规培训",
              titleEn: "Customs law training",
              textZh:
                "定期对与进出口活动相关岗位的员工进行海关法律法规等相关规定的培训，及时了解、掌握海关最新的政策文件要求。法定代表人（负责人）、负责关务的高级管理人员、关务负责人、负责贸易安全的高级管理人员应当每年参加至少2次培训。",
              textEn:
                "Regularly train employees in posts related to import and export activities on customs laws, regulations and other relevant provisions, so that they promptly learn and master the requirements of the latest customs policy documents. The legal representative (person in charge), the senior manager responsible for customs affairs, the person in charge of customs affairs and the senior manager responsible for trade security shall each attend at least 2 training sessions every year.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "60",
              code: "（60）",
              level: "sub_item",
              titleZh: "货物安全培训",
              titleEn: "Goods security training",
              textZh:
                "定期对员工进行与国际贸易供应链中货物流动相关风险的教育和培训，让员工了解、掌握海关高级认证企业在保证货物、物品安全过程中应做的工作。",
              textEn:
                "Regularly educate and train employees on the risks related to the movement of goods in the international trade supply chain, so that they understand and master what an advanced certified enterprise should do to ensure the security of goods and articles.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "61",
              code: "（61）",
              level: "sub_item",
              titleZh: "危机管理培训与演练",
              titleEn: "Crisis management training and drills",
              textZh:
                "定期对员工进行危机管理的培训和危机处理模拟演练，让员工了解、掌握在应急处置和异常报告过程中应做的工作。",
              textEn:
                "Regularly provide employees with crisis management training and simulated crisis-handling drills, so that they understand and master what they should do in emergency response and anomaly reporting.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
            {
              key: "62",
              code: "（62）",
              level: "sub_item",
              titleZh: "信息安全培训",
              titleEn: "Information security training",
              textZh: "定期对员工进行信息安全和保密意识的教育和培训。",
              textEn:
                "Regularly educate and train employees on information security and confidentiality awareness.",
              options: ["meets", "partly_meets", "fails", "not_applicable"],
              part: "general",
              provenance: "official",
            },
          ],
        },
      ],
    },
    {
      key: "s-1",
      code: "一",
      level: "class",
      titleZh: "加工贸易以及保税进出口业务",
      titleEn: "Processing trade and bonded import and export business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b1",
          code: "1",
          level: "item",
          titleZh: "加工贸易 账簿单证内部复核",
          titleEn: "Processing trade: internal review of books and documents",
          textZh:
            "对与加工贸易或保税货物有关的进口、存储、转让、转移、销售、加工、使用、损耗和出口等情况的账簿、报表以及其他有关单证的准确性、一致性进行内部复核，并保管相关单证资料。",
          textEn:
            "Internally review the accuracy and consistency of the account books, statements and other relevant documents on the import, storage, assignment, transfer, sale, processing, use, wastage, export and the like of processing-trade or bonded goods, and keep the relevant documents and materials.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-2",
      code: "二",
      level: "class",
      titleZh: "卫生检疫业务",
      titleEn: "Health quarantine business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b2",
          code: "2",
          level: "item",
          titleZh: "卫生检疫 特殊物品审批单审核",
          titleEn:
            "Health quarantine: review of the special-articles approval form",
          textZh:
            "涉及出入境特殊物品的，审核特殊物品出入境卫生检疫审批单中的储存条件及拆检注意事项。",
          textEn:
            "Where entry/exit special articles are involved, review the storage conditions and the precautions for unpacking inspection stated in the health quarantine approval form for the entry/exit of special articles.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b3",
          code: "3",
          level: "item",
          titleZh: "卫生检疫 特殊物品记录与安全管理",
          titleEn:
            "Health quarantine: special-articles records and safety management",
          textZh:
            "涉及出入境特殊物品的，建立特殊物品生产、使用、销售记录及符合海关要求的特殊物品安全管理制度。",
          textEn:
            "Where entry/exit special articles are involved, establish records of the production, use and sale of special articles and a special-articles safety management system that meets customs requirements.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-3",
      code: "三",
      level: "class",
      titleZh: "动植物检疫业务",
      titleEn: "Animal and plant quarantine business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b4",
          code: "4",
          level: "item",
          titleZh: "动植物检疫 检疫监管环节台账",
          titleEn:
            "Animal and plant quarantine: ledgers for quarantine-supervised stages",
          textZh:
            "企业进出境动植物及其产品需要检疫监管的，对口岸查验、装卸、调离、运输、隔离、生产、加工、存放、流向、检疫处理等环节建立台帐。",
          textEn:
            "Where the enterprise's inbound or outbound animals, plants and their products are subject to quarantine supervision, establish ledgers for port inspection, loading and unloading, removal from the port, transport, isolation, production, processing, storage, destination, quarantine treatment and other stages.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-4",
      code: "四",
      level: "class",
      titleZh: "进出口食品业务",
      titleEn: "Import and export food business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b5",
          code: "5",
          level: "item",
          titleZh: "进出口食品 记录保管",
          titleEn: "Import and export food: keeping of records",
          textZh:
            "企业进出口食品的，设有专门场所、特定部门和专人对进口、出口、销售记录和被境外通报的记录进行保管。",
          textEn:
            "Where the enterprise imports or exports food, it has a dedicated place, a specific department and designated staff to keep the import, export and sales records and the records of notifications by foreign countries or regions.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b6",
          code: "6",
          level: "item",
          titleZh: "进出口食品 境外通报批次",
          titleEn: "Import and export food: batches notified abroad",
          textZh:
            "1年内出口产品被国外通报安全卫生问题，调查后确认为企业自身原因导致质量安全问题的批次不超过2批次。",
          textEn:
            "Within 1 year, no more than 2 batches of exported products were notified by foreign countries for safety and hygiene problems that, after investigation, were confirmed as quality and safety problems caused by the enterprise itself.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b7",
          code: "7",
          level: "item",
          titleZh: "进出口食品 无严重安全卫生问题通报",
          titleEn:
            "Import and export food: no notification of serious safety and hygiene problems",
          textZh:
            "1年内未出现因质量管理不到位，被国外通报使用我国或进口国禁用农药或禁用物质等严重安全卫生问题。",
          textEn:
            "Within 1 year, there has been no notification by a foreign country, due to inadequate quality management, of a serious safety and hygiene problem such as the use of pesticides or substances banned in China or in the importing country.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b8",
          code: "8",
          level: "item",
          titleZh: "进出口食品 进口食品不良记录",
          titleEn: "Import and export food: imported-food bad-record list",
          textZh: "1年内进口商未被列入海关总署进口食品不良记录名单。",
          textEn:
            "Within 1 year, the importer has not been placed on the GACC list of bad records of imported food.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-5",
      code: "五",
      level: "class",
      titleZh: "进出口商品检验业务",
      titleEn: "Import and export commodity inspection business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b9",
          code: "9",
          level: "item",
          titleZh: "商品检验 检验监管台账",
          titleEn: "Commodity inspection: inspection supervision ledgers",
          textZh:
            "企业进出口商品需要检验监管的，对日常检验监管情况、生产经营情况、不合格货物的处置、销毁、退运、召回等情况建立台账。",
          textEn:
            "Where the enterprise's import or export commodities are subject to inspection supervision, establish ledgers on routine inspection supervision, production and operation, and the handling, destruction, return shipment, recall and the like of non-conforming goods.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-6",
      code: "六",
      level: "class",
      titleZh: "代理报关业务",
      titleEn: "Customs brokerage business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b10",
          code: "10",
          level: "item",
          titleZh: "代理报关 遵守法律法规",
          titleEn: "Customs brokerage: compliance with laws and regulations",
          textZh:
            "遵守法律法规\n（1）1年内无因违反海关的监管规定被海关行政处罚金额超过1万元的行为。\n（2）1年内因违反海关的监管规定被海关行政处罚的次数不超过上年度报关单、进出境备案清单、进出境运输工具舱单等单证（以下简称“相关单证”）总票数万分之一，且被海关行政处罚金额累计不超过3万元。\n（3）上年度相关单证票数无法计算的，1年内无因违反海关的监管规定被海关行政处罚的行为。\n上述（1）（2）（3）所列行为经海关认定系企业自查发现并主动向海关报明的，比照《中华人民共和国海关注册登记和备案企业信用管理办法》第三十七条第四款执行。",
          textEn:
            "Compliance with laws and regulations\n(1) Within 1 year, no act for which customs imposed an administrative penalty of more than RMB 10,000 for violating customs supervision provisions.\n(2) Within 1 year, the number of administrative penalties imposed by customs for violating customs supervision provisions does not exceed one ten-thousandth of the total number of customs declarations, entry/exit record lists, manifests of inbound and outbound means of transport and other documents (hereinafter \"relevant documents\") of the previous year, and the penalties imposed by customs total no more than RMB 30,000.\n(3) Where the number of relevant documents of the previous year cannot be calculated, within 1 year no act for which customs imposed an administrative penalty for violating customs supervision provisions.\nWhere customs determines that an act listed in (1), (2) or (3) above was found by the enterprise's own self-inspection and proactively reported to customs, it is handled by reference to Article 37, paragraph 4 of the Measures of the Customs of the People's Republic of China for the Credit Management of Enterprises Registered and Filed with Customs.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b11",
          code: "11",
          level: "item",
          titleZh: "代理报关 申报前审查与逻辑检验",
          titleEn: "Customs brokerage: pre-declaration review and logic checks",
          textZh:
            "建立并执行代理申报前对进出口单证及相关信息、监管证件、商业单据等资料的真实性、完整性和有效性进行合理审查并复核纠错的制度。通过信息系统对进出口单证等信息进行申报要素的逻辑检验。",
          textEn:
            "Establish and implement a system for reasonably reviewing, re-checking and correcting, before declaring as an agent, the truthfulness, completeness and validity of import and export documents and related information, regulatory certificates, commercial documents and other materials. Use the information system to run logic checks of the declaration elements of import and export documents and other information.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b12",
          code: "12",
          level: "item",
          titleZh: "代理报关 收发货人培训",
          titleEn: "Customs brokerage: training of consignees and consignors",
          textZh:
            "建立并执行对代理报关的进出口货物收发货人进行海关法律法规等相关规定的培训制度。",
          textEn:
            "Establish and implement a system for training the consignees and consignors of the import and export goods for which it acts as customs broker on customs laws, regulations and other relevant provisions.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b13",
          code: "13",
          level: "item",
          titleZh: "代理报关 协助延伸认证",
          titleEn: "Customs brokerage: assisting extended certification",
          textZh:
            "企业应当协助海关对其被代理企业或者主要物流运输企业按照通用标准的货物、物品安全和运输工具安全要求实施延伸认证。",
          textEn:
            "The enterprise shall assist customs in carrying out extended certification of the enterprises it represents or of its main logistics and transport enterprises against the goods and articles security and conveyance security requirements of the general criteria.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-7",
      code: "七",
      level: "class",
      titleZh: "快件运营业务",
      titleEn: "Express delivery operation business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b14",
          code: "14",
          level: "item",
          titleZh: "快件 收发件人提醒",
          titleEn: "Express: reminders to senders and recipients",
          textZh:
            "建立并执行对收发件人的提醒制度，主动告知禁止、限制进出境物品的相关规定，并作出如实申报提示。",
          textEn:
            "Establish and implement a system of reminders to senders and recipients, proactively informing them of the provisions on articles prohibited or restricted from entry or exit and prompting them to declare truthfully.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b15",
          code: "15",
          level: "item",
          titleZh: "快件 收发件人信息核实",
          titleEn: "Express: verification of sender and recipient information",
          textZh: "建立并执行收发件人信息核实的管理制度。",
          textEn:
            "Establish and implement a management system for verifying the information of senders and recipients.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b16",
          code: "16",
          level: "item",
          titleZh: "快件 代理申报审核",
          titleEn: "Express: review of agency declarations",
          textZh:
            "建立并执行对代理申报的快件是否符合海关有关监管要求的审核制度，与委托人核实、确认快件申报信息。",
          textEn:
            "Establish and implement a system for reviewing whether express shipments declared as an agent comply with the relevant customs supervision requirements, and verify and confirm the express shipment declaration information with the principal.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b17",
          code: "17",
          level: "item",
          titleZh: "快件 揽收验视与过机检查",
          titleEn: "Express: inspection at collection and machine screening",
          textZh:
            "建立并执行符合法律法规要求的揽收快件验视、复核制度，对揽收承运的出境快件实施过机检查。",
          textEn:
            "Establish and implement a system, complying with laws and regulations, for visually inspecting and re-checking express shipments at collection, and put outbound express shipments collected for carriage through machine screening.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b18",
          code: "18",
          level: "item",
          titleZh: "快件 全程实时物流跟踪",
          titleEn: "Express: end-to-end real-time logistics tracking",
          textZh:
            "信息系统应当具备全程实时快件物流信息跟踪功能，能够查询、记录快件的揽收、分拣、口岸、货类、签收、申报收件地、实际派送地等信息；对境内交由其他物流企业派送的包裹，能够提供实时物流和妥投数据。",
          textEn:
            "The information system shall have a function for tracking express logistics information throughout the whole process in real time, able to query and record information on express shipments such as collection, sorting, port, type of goods, signed receipt, declared recipient location and actual delivery location; for parcels handed over to other logistics enterprises for delivery within China, it can provide real-time logistics and successful-delivery data.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b19",
          code: "19",
          level: "item",
          titleZh: "快件 风险防控",
          titleEn: "Express: risk prevention and control",
          textZh:
            "建立并执行快件风险防控制度，能够识别高风险收发件人、高风险快件，发现《中华人民共和国禁止进出境物品表》所列物品、有违法嫌疑或高风险快件的，立即通知海关并协助海关进行处理。",
          textEn:
            "Establish and implement an express risk prevention and control system, able to identify high-risk senders and recipients and high-risk express shipments; on discovering articles listed in the Table of Articles Prohibited from Entry and Exit of the People's Republic of China, or express shipments suspected of violations or of high risk, immediately notify customs and assist customs in handling them.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-8",
      code: "八",
      level: "class",
      titleZh: "物流运输业务",
      titleEn: "Logistics and transport business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b20",
          code: "20",
          level: "item",
          titleZh: "物流运输 直接负责运输工具经营管理",
          titleEn: "Logistics and transport: direct management of conveyances",
          textZh:
            "企业从事跨境物流运输业务或者境内海关监管货物物流运输业务且直接负责运输工具经营管理。",
          textEn:
            "The enterprise engages in cross-border logistics and transport business, or in domestic logistics and transport of goods under customs supervision, and is directly responsible for the operation and management of the conveyances.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b21",
          code: "21",
          level: "item",
          titleZh: "物流运输 区域路线控制与轨迹记录",
          titleEn:
            "Logistics and transport: area and route control and track records",
          textZh:
            "建立并执行控制运输工具按规定区域和路线行驶的管理制度，能够实时掌握运输工具的行驶状态、路线，保存运输工具行驶轨迹数据记录。",
          textEn:
            "Establish and implement a management system that controls conveyances to travel within the prescribed areas and along the prescribed routes, able to know the conveyances' driving status and routes in real time, and keep records of the conveyances' track data.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b22",
          code: "22",
          level: "item",
          titleZh: "物流运输 驾驶人员与运输工具匹配",
          titleEn: "Logistics and transport: matching drivers and conveyances",
          textZh:
            "建立并执行运输工具驾驶人员与运输工具的匹配管理制度。载运前运输企业应当向客户发送公路运输车辆号牌、驾驶人员信息。",
          textEn:
            "Establish and implement a management system for matching conveyance drivers with conveyances. Before carriage, the transport enterprise shall send the customer the number plate of the road transport vehicle and the driver's information.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-9",
      code: "九",
      level: "class",
      titleZh: "跨境电子商务平台业务",
      titleEn: "Cross-border e-commerce platform business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b23",
          code: "23",
          level: "item",
          titleZh: "跨境电商 商品准入审核",
          titleEn:
            "Cross-border e-commerce: review of goods admitted to the platform",
          textZh:
            "建立并执行对进入平台销售的商品是否符合跨境电商有关监管要求的审核制度。",
          textEn:
            "Establish and implement a system for reviewing whether goods admitted for sale on the platform comply with the relevant cross-border e-commerce supervision requirements.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b24",
          code: "24",
          level: "item",
          titleZh: "跨境电商 交易电子信息传输",
          titleEn: "Cross-border e-commerce: transmission of transaction data",
          textZh:
            "如实向海关实时传输施加电子签名的跨境电商交易电子信息，并对真实性、完整性和有效性进行合理审查。",
          textEn:
            "Transmit to customs truthfully and in real time the electronic information on cross-border e-commerce transactions bearing an electronic signature, and reasonably review its truthfulness, completeness and validity.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b25",
          code: "25",
          level: "item",
          titleZh: "跨境电商 虚假交易及二次销售防控",
          titleEn:
            "Cross-border e-commerce: preventing false transactions and resale",
          textZh:
            "建立并执行防止虚假交易及二次销售的风险防控制度，能够对境内订购人身份信息真实性进行校验，利用平台运营所积累的数据对商品归类、价格等准入、税收要素，产品质量和交易真实性进行监控。",
          textEn:
            "Establish and implement a risk prevention and control system against false transactions and secondary sales, able to verify the authenticity of the identity information of domestic purchasers, and use the data accumulated in platform operation to monitor admission and tax elements such as the classification and price of goods, product quality, and the authenticity of transactions.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b26",
          code: "26",
          level: "item",
          titleZh: "跨境电商 企业信息审核",
          titleEn: "Cross-border e-commerce: review of enterprise information",
          textZh:
            "建立并执行对跨境电子商务企业及其境内代理人的身份、地址、资质等信息的审核制度，定期对上述信息进行核验、更新。",
          textEn:
            "Establish and implement a system for reviewing the identity, address, qualifications and other information of cross-border e-commerce enterprises and their domestic agents, and periodically verify and update that information.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b27",
          code: "27",
          level: "item",
          titleZh: "跨境电商 企业培训",
          titleEn: "Cross-border e-commerce: training of enterprises",
          textZh:
            "建立并执行对跨境电子商务企业及其境内代理人进行海关法律法规等相关规定的培训制度。",
          textEn:
            "Establish and implement a system for training cross-border e-commerce enterprises and their domestic agents on customs laws, regulations and other relevant provisions.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b28",
          code: "28",
          level: "item",
          titleZh: "跨境电商 交易行为监控",
          titleEn: "Cross-border e-commerce: monitoring of transactions",
          textZh:
            "建立并执行对跨境电子商务企业及其境内代理人交易行为的监控制度，能够有效识别非正常交易行为并采取相应的处置措施。",
          textEn:
            "Establish and implement a system for monitoring the transactions of cross-border e-commerce enterprises and their domestic agents, able to identify abnormal transactions effectively and take corresponding measures to deal with them.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b29",
          code: "29",
          level: "item",
          titleZh: "跨境电商 分级管理",
          titleEn: "Cross-border e-commerce: tiered management",
          textZh:
            "根据风险评估结果、违法违规记录等建立并执行对跨境电子商务企业及其境内代理人的分级管理制度，对有违法违规记录的跨境电子商务企业及其境内代理人采取相应管控措施。",
          textEn:
            "Based on risk-assessment results, records of violations and the like, establish and implement a tiered management system for cross-border e-commerce enterprises and their domestic agents, and take corresponding control measures against those with records of violations.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
    {
      key: "s-10",
      code: "十",
      level: "class",
      titleZh: "外贸综合服务业务",
      titleEn: "Comprehensive foreign trade services business",
      textZh: "",
      textEn: "",
      options: [],
      part: "business_type",
      provenance: "official",
      children: [
        {
          key: "b30",
          code: "30",
          level: "item",
          titleZh: "外贸综合服务 客户订单信息审查",
          titleEn: "Foreign trade services: review of client order information",
          textZh:
            "建立并执行对外贸综合服务平台客户订单相关信息、资料的真实性、完整性和有效性进行合理审查的制度，通过外贸综合服务平台对报关单信息进行申报要素的逻辑检验以及税收要素、贸易真实性的监控。",
          textEn:
            "Establish and implement a system for reasonably reviewing the truthfulness, completeness and validity of information and materials related to the orders of clients of the comprehensive foreign trade services platform; through the platform, run logic checks of the declaration elements of customs declaration information and monitor tax elements and the authenticity of trade.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b31",
          code: "31",
          level: "item",
          titleZh: "外贸综合服务 客户实地审核培训分级",
          titleEn:
            "Foreign trade services: on-site audit, training and tiering of clients",
          textZh:
            "建立并执行对外贸综合服务平台客户的实地审核、培训及分级管理制度。",
          textEn:
            "Establish and implement a system of on-site audit, training and tiered management of the clients of the comprehensive foreign trade services platform.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
        {
          key: "b32",
          code: "32",
          level: "item",
          titleZh: "外贸综合服务 货物风险评估",
          titleEn: "Foreign trade services: risk assessment of goods",
          textZh:
            "建立并执行对外贸综合服务平台客户进出口货物的风险评估制度，能够有效识别高风险货物并采取监装、检查等合理的处置措施。",
          textEn:
            "Establish and implement a risk-assessment system for the import and export goods of the clients of the comprehensive foreign trade services platform, able to identify high-risk goods effectively and take reasonable measures such as supervised loading and inspection.",
          options: ["meets", "partly_meets", "fails", "not_applicable"],
          part: "business_type",
          provenance: "official",
        },
      ],
    },
  ],
} as const satisfies CatalogFramework;
