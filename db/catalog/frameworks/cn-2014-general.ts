// 《海关认证企业标准（一般认证）》(2014), issued with 海关总署公告2014年第82号 as 附件2.
//
// Sources (see docs/criteria.md, "China 2014 general certification"):
// - seed 004: the scrambled self-assessment template 「适用认证企业管理自我评估报告（一般认证）」;
//   its fragments are reordered here into items 1–3, 8(2)(3), 12–23, 25(2), 26, 27 and 29(2)–(5).
// - items 3 (customs-broker and logistics paragraphs) and 4: a completed 附件2 self-assessment
//   (xiaomilidoc.com/p-10538669.html) and the blank template (max.book118.com/html/2016/1107/61646712.shtm).
// - everything not found in those is filled from the 2014 高级认证 standard (32 items) and marked
//   "reconstructed" or "inferred" with a note; nothing reconstructed is presented as official wording.
// The seed's half-width punctuation (a conversion artefact) is normalised to full-width here.

import type { CatalogFramework } from "../types";

const graded = ["meets", "partly_meets", "fails", "not_applicable"] as const;
const passFail = ["meets", "fails", "not_applicable"] as const;
const bonus = ["conforms", "not_applicable"] as const;

const advancedZh = "2014年《海关认证企业标准（高级认证）》";
const advancedEn = "the 2014 advanced-certification standard";

export const cn2014General = {
  code: "cn-2014-general",
  version: "2014.1",
  nameZh: "海关认证企业标准（一般认证）",
  nameEn: "China Customs Certified Enterprise Standard (General Certification)",
  sourceZh: "海关总署公告2014年第82号附件2（公告文号依据二手资料，未经原件核实）",
  sourceEn:
    "GACC Announcement No. 82 of 2014, Annex 2 (announcement number taken from secondary sources, not verified against the original)",
  scoringRule: "cn-2014-points",
  improvement: {
    kind: "window",
    maxDays: 90,
    countedFrom: "customs_notified",
    notImprovable: ["9", "10", "11", "12", "14", "19", "20"],
    sourceZh: "《海关认证企业标准（一般认证）》说明五“关于规范改进情形的适用”：除本认证标准第9、10、11、12、14、19、20项外，其他项不达标或者部分达标的，允许企业规范改进。规范改进期限由海关确定，最长不超过90日。根据规范改进情况，海关认定是否通过认证。",
    sourceEn:
      "Explanatory note 5 of the 2014 general-certification standard, “Application of improvement”: except items 9, 10, 11, 12, 14, 19 and 20, an item failed or partly met may be improved. Customs sets the improvement period, at most 90 days. Customs decides from the improvement whether certification is passed.",
  },
  criteria: [
    // ───────────────────────────── 一、内部控制标准 ─────────────────────────────
    {
      key: "class-1",
      code: "一",
      level: "class",
      titleZh: "内部控制标准",
      titleEn: "Internal control",
      textZh: "",
      textEn: "",
      options: [],
      provenance: "official",
      children: [
        {
          key: "art-1",
          code: "（一）",
          level: "article",
          titleZh: "组织机构控制",
          titleEn: "Organisational control",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "1",
              code: "1",
              level: "item",
              titleZh: "内部组织架构",
              titleEn: "Internal organisational structure",
              textZh: "指定高级管理人员负责关务，对企业认证建立书面或者电子档案。",
              textEn:
                "A senior manager is designated to be responsible for customs affairs, and a written or electronic file is kept on the enterprise's certification.",
              options: graded,
              provenance: "official",
            },
            {
              key: "2",
              code: "2",
              level: "item",
              titleZh: "海关业务培训",
              titleEn: "Customs-business training",
              textZh:
                "（1）企业应当建立海关法律法规等相关管理规定的内部培训制度。\n" +
                "（2）法定代表人或其授权人员、负责关务的高级管理人员应当每年至少参加1次海关法律法规等相关管理规定的内部培训，及时了解、掌握相关管理规定。",
              textEn:
                "(1) The enterprise shall establish an internal training system on customs laws, regulations and related management rules.\n" +
                "(2) The legal representative or a person authorised by them, and the senior manager responsible for customs affairs, shall attend internal training on customs laws, regulations and related management rules at least once a year, so as to keep informed of and master the relevant rules.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-2",
          code: "（二）",
          level: "article",
          titleZh: "进出口业务控制",
          titleEn: "Import/export business control",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "3",
              code: "3",
              level: "item",
              titleZh: "单证控制",
              titleEn: "Document control",
              textZh:
                "具备进出口单证复核或者纠错制度或者程序。\n" +
                "进出口货物收发货人：在申报前或者委托申报前有专门部门或者岗位人员对进出口单证涉及的价格、归类、原产地、数量、品名、规格等内容的真实性、准确性和规范性进行内部复核。\n" +
                "报关企业：代理申报前，有专门部门或者岗位人员对委托人提供的监管证件、商业单据、进出口单证等资料的真实性、完整性和有效性进行合理审查。\n" +
                "物流企业：有专门部门或者岗位人员对运输工具进出境申报信息、舱单及相关电子数据、转关单（载货清单）等物流信息的准确性、一致性进行复核。",
              textEn:
                "The enterprise has a review or error-correction system or procedure for import/export documents.\n" +
                "Consignees and consignors of import/export goods: before declaring or commissioning a declaration, a dedicated department or post internally reviews the truthfulness, accuracy and conformity of the price, classification, origin, quantity, description, specifications and other particulars in the import/export documents.\n" +
                "Customs brokers: before declaring as agent, a dedicated department or post reasonably examines the truthfulness, completeness and validity of the regulatory permits, commercial documents, import/export documents and other materials provided by the principal.\n" +
                "Logistics enterprises: a dedicated department or post reviews the accuracy and consistency of logistics information such as conveyance entry/exit declarations, manifests and related electronic data, and transit declarations (cargo lists).",
              options: graded,
              provenance: "official",
            },
            {
              key: "4",
              code: "4",
              level: "item",
              titleZh: "单证保管",
              titleEn: "Document custody",
              textZh:
                "（1）按海关要求建立进出口单证管理制度，确保企业保存的进出口纸质和电子报关单证、物流信息档案的及时性、完整性、准确性与安全性。\n" +
                "（2）妥善保管报关专用印章，以及海关核发的证书、法律文书。",
              textEn:
                "(1) An import/export document-management system is established as customs requires, ensuring that the paper and electronic customs documents and logistics-information records kept by the enterprise are timely, complete, accurate and secure.\n" +
                "(2) The customs-declaration seal, and the certificates and legal instruments issued by customs, are kept safely.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-3",
          code: "（三）",
          level: "article",
          titleZh: "内部审计控制",
          titleEn: "Internal audit control",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "5",
              code: "5",
              level: "item",
              titleZh: "内审制度",
              titleEn: "Internal audit system",
              textZh:
                "（1）设立专门的内部审计机构或者岗位，或者聘请外部专职人员独立对进出口业务等实施内部审计。\n" +
                "（2）每年至少内审1次，建立内审书面或者电子档案。",
              textEn:
                "(1) A dedicated internal-audit body or post is set up, or external professionals are engaged, to audit the import/export business and related activities independently.\n" +
                "(2) An internal audit is carried out at least once a year, and a written or electronic internal-audit file is kept.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `标题和条文未在原件中找到，依据${advancedZh}第6项“内审制度”重建。本项归入第（三）条系推断，也可能对应高级认证第7项“责任追究”，尚待原件核实。`,
              noteEn: `Title and text not found in the original; reconstructed from item 6 (internal audit system) of ${advancedEn}. Its placement under article (三) is inferred, and it may instead correspond to advanced item 7 (accountability).`,
            },
            {
              key: "6",
              code: "6",
              level: "item",
              titleZh: "改进机制",
              titleEn: "Improvement mechanism",
              textZh:
                "（1）建立改进制度或者措施。\n" +
                "（2）对海关要求的规范改进事项，应由负责关务的高级管理人员直接负责具体规范改进实施。",
              textEn:
                "(1) An improvement system or measures are established.\n" +
                "(2) Improvements required by customs are implemented under the direct responsibility of the senior manager responsible for customs affairs.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `标题和条文未在原件中找到，依据${advancedZh}第8项“改进机制”重建。本项归入第（三）条系推断，也可能对应高级认证第7项“责任追究”，尚待原件核实。`,
              noteEn: `Title and text not found in the original; reconstructed from item 8 (improvement mechanism) of ${advancedEn}. Its placement under article (三) is inferred, and it may instead correspond to advanced item 7 (accountability).`,
            },
          ],
        },
        {
          key: "art-4",
          code: "（四）",
          level: "article",
          titleZh: "信息系统控制",
          titleEn: "Information system control",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "inferred",
          noteZh: `条号和标题未在原件中找到，依据${advancedZh}第（四）条推断；第7、8项归入本条亦系推断。`,
          noteEn: `Article number and heading not found in the original; inferred from article (四) of ${advancedEn}. The placement of items 7 and 8 under this article is also inferred.`,
          children: [
            {
              key: "7",
              code: "7",
              level: "item",
              titleZh: "数据管理",
              titleEn: "Data management",
              textZh:
                "（1）生产经营数据以及与进出口活动有关的数据及时、准确、完整录入系统。系统数据自进出口货物办结海关手续之日起保存3年以上。\n" +
                "（2）进出口或者代理报关活动等主要环节在系统中能够实现流程检索、跟踪。",
              textEn:
                "(1) Operating data and data related to import/export activities are entered into the system in a timely, accurate and complete manner. System data are kept for at least 3 years from the date on which customs formalities for the goods are completed.\n" +
                "(2) The main steps of import/export or agency-declaration activities can be searched and tracked in the system.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `标题和条文未在原件中找到，依据${advancedZh}第10项“数据管理”重建。本项的编号、归属及对应关系系推断，也可能对应高级认证第9项“信息系统”。`,
              noteEn: `Title and text not found in the original; reconstructed from item 10 (data management) of ${advancedEn}. Its number, placement and correspondence are inferred; it may instead correspond to advanced item 9 (information system).`,
            },
            {
              key: "8",
              code: "8",
              level: "item",
              titleZh: "信息安全",
              titleEn: "Information security",
              textZh:
                "（1）建立信息安全管理制度，保护信息系统安全，并对员工进行相关培训。\n" +
                "（2）有专门程序或者制度，识别信息系统的非正常使用，包括非法入侵信息系统，篡改或者更改业务数据，并对上述行为有严格的责任追究。信息系统要使用专人账户和密码，并且定期更改用户密码。\n" +
                "（3）有专门程序或者制度，保护系统和数据，有数据恢复、备份等手段防止信息丢失，应用反病毒软件和防火墙技术。",
              textEn:
                "(1) An information-security management system is established to protect the information system, and staff are trained accordingly.\n" +
                "(2) There is a dedicated procedure or system to detect abnormal use of the information system, including illegal intrusion and tampering with or alteration of business data, with strict accountability for such acts. The information system uses individual accounts and passwords, and user passwords are changed periodically.\n" +
                "(3) There is a dedicated procedure or system to protect systems and data, with data recovery, backup and other means to prevent information loss, and with antivirus software and firewall technology in use.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `分项（2）（3）为原件文字；项目编号系推断，标题“信息安全”和分项（1）未在原件中找到，依据${advancedZh}第11项重建。`,
              noteEn: `Sub-points (2) and (3) are the original wording. The item number is inferred; the title and sub-point (1) were not found in the original and are reconstructed from item 11 of ${advancedEn}.`,
            },
          ],
        },
      ],
    },

    // ───────────────────────────── 二、财务状况标准 ─────────────────────────────
    {
      key: "class-2",
      code: "二",
      level: "class",
      titleZh: "财务状况标准",
      titleEn: "Financial status",
      textZh: "",
      textEn: "",
      options: [],
      provenance: "official",
      children: [
        {
          key: "art-5",
          code: "（五）",
          level: "article",
          titleZh: "财务状况",
          titleEn: "Financial status",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "inferred",
          noteZh: `条号和标题未在原件中找到，依据${advancedZh}第（五）条“财务状况”推断。`,
          noteEn: `Article number and heading not found in the original; inferred from article (五) (financial status) of ${advancedEn}.`,
          children: [
            {
              key: "9",
              code: "9",
              level: "item",
              titleZh: "会计信息",
              titleEn: "Accounting information",
              textZh:
                "会计账簿和财务会计报告等会计资料真实、准确、完整记录和反映进出口活动的有关情况，财务处理及时、规范。",
              textEn:
                "Accounting books, financial reports and other accounting records truthfully, accurately and completely record and reflect import/export activities, and accounts are processed in a timely and proper manner.",
              options: passFail,
              provenance: "reconstructed",
              noteZh: `项目编号、标题和赋分选项（达标/不达标）系推断，条文依据${advancedZh}第12项分项（1）重建；高级认证该项分项（2）关于会计师事务所审计报告的要求是否适用于一般认证不明，未予收录。`,
              noteEn: `Number, title and the meets/fails options are inferred; the text is reconstructed from item 12(1) of ${advancedEn}. Item 12(2) of that standard (audited financial report) is left out because it is unknown whether it applied to general certification.`,
            },
            {
              key: "10",
              code: "10",
              level: "item",
              titleZh: "偿付能力",
              titleEn: "Solvency",
              textZh:
                "（1）企业财务的速动比率在安全或者正常范围内。\n" +
                "（2）企业财务的资产负债率在安全或者正常范围内。",
              textEn:
                "(1) The enterprise's quick ratio is within a safe or normal range.\n" +
                "(2) The enterprise's debt-to-asset ratio is within a safe or normal range.",
              options: passFail,
              provenance: "reconstructed",
              noteZh: `项目编号、标题和赋分选项（达标/不达标）系推断，条文依据${advancedZh}第13项重建。`,
              noteEn: `Number, title and the meets/fails options are inferred; the text is reconstructed from item 13 of ${advancedEn}.`,
            },
            {
              key: "11",
              code: "11",
              level: "item",
              titleZh: "盈利能力",
              titleEn: "Profitability",
              textZh: "企业主营业务利润率在安全或者正常范围内。",
              textEn: "The enterprise's main-business profit margin is within a safe or normal range.",
              options: passFail,
              provenance: "reconstructed",
              noteZh: `项目编号、标题和赋分选项（达标/不达标）系推断，条文依据${advancedZh}第14项重建。`,
              noteEn: `Number, title and the meets/fails options are inferred; the text is reconstructed from item 14 of ${advancedEn}.`,
            },
            {
              key: "12",
              code: "12",
              level: "item",
              titleZh: "缴税能力",
              titleEn: "Duty-paying capacity",
              textZh:
                "生产型进出口货物收发货人：上月末固定资产净值不低于其3年内向海关单笔纳税最高额。\n" +
                "非生产型进出口货物收发货人：上年度经营性现金净流量不为负。",
              textEn:
                "Manufacturing consignees/consignors: net fixed assets at the end of the previous month are not lower than the largest single duty payment made to customs in the last 3 years.\n" +
                "Non-manufacturing consignees/consignors: net operating cash flow for the previous year is not negative.",
              options: passFail,
              provenance: "inferred",
              noteZh: `条文为原件文字；项目编号、标题“缴税能力”（取自${advancedZh}第15项，两者条文相同）和赋分选项（达标/不达标）系推断。`,
              noteEn: `The text is the original wording. The item number, the title (taken from item 15 of ${advancedEn}, whose text is identical) and the meets/fails options are inferred.`,
            },
          ],
        },
      ],
    },

    // ───────────────────────────── 三、守法规范标准 ─────────────────────────────
    {
      key: "class-3",
      code: "三",
      level: "class",
      titleZh: "守法规范标准",
      titleEn: "Law-abiding compliance",
      textZh: "",
      textEn: "",
      options: [],
      provenance: "official",
      children: [
        {
          key: "art-6",
          code: "（六）",
          level: "article",
          titleZh: "遵守法律法规",
          titleEn: "Compliance with laws and regulations",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "13",
              code: "13",
              level: "item",
              titleZh: "人员违法记录",
              titleEn: "Personnel offence record",
              textZh: "企业法定代表人（负责人）、负责关务的高级管理人员、财务负责人连续2年无故意犯罪记录。",
              textEn:
                "The enterprise's legal representative (person in charge), the senior manager responsible for customs affairs and the head of finance have had no record of intentional crime for 2 consecutive years.",
              options: passFail,
              provenance: "official",
            },
            {
              key: "14",
              code: "14",
              level: "item",
              titleZh: "违法记录",
              titleEn: "Enterprise offence record",
              textZh:
                "（1）连续2年无走私犯罪、走私行为。\n" +
                "（2）非报关企业：1年内因违反海关监管规定被处罚金额超过3万元且10万元以下的行为不超过1次。\n" +
                "报关企业：1年内因违反海关监管规定被处罚金额超过1万元且3万元以下的行为不超过1次。\n" +
                "（3）非报关企业：1年内违反海关监管规定行为的处罚金额累计10万元以下，且违法次数在5次以下或者虽然超过5次，但违规次数与上年度企业进出口相关单证（报关单及进出境备案清单、运输工具进出境申报信息、舱单及相关电子数据、转关单（载货清单））总票数比例不超过千分之一。（企业自查发现并主动向海关报明，被海关处以警告以及3万元以下罚款的除外）\n" +
                "报关企业：1年内违反海关监管规定行为的次数不超过企业上年度代理申报报关单及进出境备案清单总票数比例不超过万分之三，且处罚金额累计5万元以下。（企业自查发现并主动向海关报明，被海关处以警告以及1万元以下罚款的除外）",
              textEn:
                "(1) No smuggling crime or smuggling act for 2 consecutive years.\n" +
                "(2) Enterprises other than customs brokers: within 1 year, at most 1 violation of customs supervision rules penalised with more than RMB 30,000 and not more than RMB 100,000.\n" +
                "Customs brokers: within 1 year, at most 1 violation of customs supervision rules penalised with more than RMB 10,000 and not more than RMB 30,000.\n" +
                "(3) Enterprises other than customs brokers: within 1 year, penalties for violations of customs supervision rules total not more than RMB 100,000, and there are no more than 5 violations or, if more than 5, the number of violations does not exceed 1‰ of the total number of the enterprise's import/export documents in the previous year (declarations and entry/exit record lists, conveyance entry/exit declarations, manifests and related electronic data, transit declarations (cargo lists)). (Cases found by the enterprise's own checks and voluntarily reported to customs, penalised with a warning or a fine of not more than RMB 30,000, are excluded.)\n" +
                "Customs brokers: within 1 year, violations of customs supervision rules do not exceed 0.3‰ of the total number of declarations and entry/exit record lists the enterprise filed as agent in the previous year, and penalties total not more than RMB 50,000. (Cases found by the enterprise's own checks and voluntarily reported to customs, penalised with a warning or a fine of not more than RMB 10,000, are excluded.)",
              options: passFail,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-7",
          code: "（七）",
          level: "article",
          titleZh: "进出口业务规范",
          titleEn: "Import/export business conformity",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "15",
              code: "15",
              level: "item",
              titleZh: "注册信息",
              titleEn: "Registration information",
              textZh:
                "报关单位：按规定报送《报关单位注册信息年度报告》，企业及报关人员在海关的注册登记内容与实际相符。\n" +
                "其他企业：在海关的注册登记内容与实际相符。",
              textEn:
                "Declaring units: the Annual Report on Declaring-Unit Registration Information is submitted as required, and the registration particulars of the enterprise and its declaration staff held by customs match the facts.\n" +
                "Other enterprises: the registration particulars held by customs match the facts.",
              options: passFail,
              provenance: "official",
            },
            {
              key: "16",
              code: "16",
              level: "item",
              titleZh: "进出口记录",
              titleEn: "Import/export record",
              textZh: "上年度或者本年度有进出口活动或者为进出口活动提供相关服务。",
              textEn:
                "The enterprise carried out import/export activities, or provided services related to import/export activities, in the previous or the current year.",
              options: passFail,
              provenance: "official",
            },
            {
              key: "17",
              code: "17",
              level: "item",
              titleZh: "申报（传输）规范",
              titleEn: "Declaration (transmission) accuracy",
              textZh:
                "（1）报关企业：连续4个季度单季报关差错率不超过同期全国平均报关差错率。\n" +
                "进出口货物收发货人：连续4个季度单季报关差错率或者所委托报关企业报关差错率不超过同期全国平均报关差错率。\n" +
                "物流企业：连续4个季度单季舱单及相关电子数据传输差错率不超过同期全国平均传输差错率，连续4个季度单季运输工具进出境申报信息、转关单（载货清单）等物流信息的申报差错率不超过同期全国平均申报差错率。\n" +
                "（2）连续2个季度单季规范申报率超过85%。\n" +
                "（3）上年度及本年1至上月手（账）册超期未报核情事不超过1次。",
              textEn:
                "(1) Customs brokers: for 4 consecutive quarters, the quarterly declaration error rate does not exceed the national average for the same period.\n" +
                "Consignees and consignors of import/export goods: for 4 consecutive quarters, the quarterly declaration error rate, or that of the customs broker they commissioned, does not exceed the national average for the same period.\n" +
                "Logistics enterprises: for 4 consecutive quarters, the quarterly transmission error rate of manifests and related electronic data does not exceed the national average transmission error rate; and for 4 consecutive quarters, the quarterly declaration error rate of logistics information such as conveyance entry/exit declarations and transit declarations (cargo lists) does not exceed the national average declaration error rate for the same period.\n" +
                "(2) For 2 consecutive quarters, the quarterly standardised-declaration rate exceeds 85%.\n" +
                "(3) In the previous year and the current year up to last month, there was at most 1 case of a processing-trade manual (ledger) not submitted for verification on time.",
              options: passFail,
              provenance: "official",
            },
            {
              key: "18",
              code: "18",
              level: "item",
              titleZh: "税款缴纳",
              titleEn: "Duty payment",
              textZh:
                "（1）上年度以及本年度1至上月滞纳税款报关单率不超过5%。\n" +
                "（2）截至认证期间，没有超过法定缴款期限尚未缴纳的税款及罚没款项情事。",
              textEn:
                "(1) In the previous year and the current year up to last month, the share of declarations with late duty payment does not exceed 5%.\n" +
                "(2) As at the time of certification, there are no duties, fines or confiscation amounts left unpaid beyond the statutory payment deadline.",
              options: passFail,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-8",
          code: "（八）",
          level: "article",
          titleZh: "符合海关管理要求",
          titleEn: "Compliance with customs management requirements",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "19",
              code: "19",
              level: "item",
              titleZh: "管理要求",
              titleEn: "Customs management requirements",
              textZh:
                "（1）连续2年未发现有向海关提供虚假情况或者隐瞒重要事实、拒绝或者拖延提供账簿单证资料、故意转移、隐匿、篡改、毁弃账簿单证资料等逃避海关稽查、逃避税款征缴的情形，或者无正当理由拒不配合海关执法或者海关管理的情形。\n" +
                "（2）连续2年未发现企业报送信息有隐瞒真实情况、弄虚作假的情形。\n" +
                "（3）连续2年未发现有假借海关或者其他企业名义获取不当利益的情形。\n" +
                "（4）连续2年未发现有向海关人员行贿的行为。",
              textEn:
                "(1) For 2 consecutive years, no case has been found of providing false information to customs or concealing material facts; refusing or delaying the provision of books, documents and records; deliberately moving, hiding, altering or destroying books, documents and records so as to evade customs audit or duty collection; or refusing without good reason to cooperate with customs enforcement or management.\n" +
                "(2) For 2 consecutive years, no case has been found of the enterprise concealing the true situation or falsifying information it reported.\n" +
                "(3) For 2 consecutive years, no case has been found of obtaining improper benefits under the name of customs or of another enterprise.\n" +
                "(4) For 2 consecutive years, no act of bribing customs officers has been found.",
              options: passFail,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-9",
          code: "（九）",
          level: "article",
          titleZh: "未有不良外部信用",
          titleEn: "No adverse external credit",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "20",
              code: "20",
              level: "item",
              titleZh: "外部信用",
              titleEn: "External credit",
              textZh:
                "企业或者其企业法定代表人（负责人）、负责关务的高级管理人员、财务负责人连续1年在工商、商务、税务、银行、外汇、检验检疫、公安、检察院、法院等部门未被列入经营异常名录、失信企业或者人员名单、黑名单企业、人员。",
              textEn:
                "For 1 consecutive year, neither the enterprise nor its legal representative (person in charge), the senior manager responsible for customs affairs or the head of finance has been placed by the administration for industry and commerce, commerce, tax, banking, foreign-exchange, inspection and quarantine, public-security, procuratorate, court or similar authorities on a list of abnormal operations, a list of dishonest enterprises or persons, or a blacklist of enterprises or persons.",
              options: passFail,
              provenance: "official",
            },
          ],
        },
      ],
    },

    // ───────────────────────────── 四、贸易安全标准 ─────────────────────────────
    {
      key: "class-4",
      code: "四",
      level: "class",
      titleZh: "贸易安全标准",
      titleEn: "Trade security",
      textZh: "",
      textEn: "",
      options: [],
      provenance: "official",
      children: [
        {
          key: "art-10",
          code: "（十）",
          level: "article",
          titleZh: "场所安全控制措施",
          titleEn: "Premises security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "21",
              code: "21",
              level: "item",
              titleZh: "场所安全",
              titleEn: "Premises security",
              textZh:
                "企业有检查、阻止未经许可的人员进入企业生产经营场所的书面制度和程序。\n" +
                "（1）大门和传达室：车辆、人员进出的大门配备人员驻守。\n" +
                "（2）建筑结构：建筑物的建造方式确保能够防止非法闯入。定期对建筑物进行检查和修缮，确保其完好无损。\n" +
                "（3）锁闭装置及钥匙保管：所有内外窗户，大门和围栏都设有足够数量的锁闭装置。管理层或者保安人员要保管所有锁和钥匙。",
              textEn:
                "The enterprise has a written system and procedures to check for and stop unauthorised persons entering its production and business premises.\n" +
                "(1) Gates and gatehouse: gates used by vehicles and persons are staffed.\n" +
                "(2) Building structure: buildings are constructed so as to prevent unlawful entry, and are inspected and repaired periodically to keep them intact.\n" +
                "(3) Locking devices and key custody: all inner and outer windows, gates and fences have enough locking devices; management or security staff keep all locks and keys.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-11",
          code: "（十一）",
          level: "article",
          titleZh: "进入安全控制措施",
          titleEn: "Access security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "22",
              code: "22",
              level: "item",
              titleZh: "进入安全",
              titleEn: "Access security",
              textZh:
                "企业实施员工和访客进出管理，有保护公司资产的书面制度和程序。\n" +
                "（1）员工：具有员工身份识别系统，对员工进行身份识别和进入控制。对员工、访客的身份标识（比如钥匙、钥匙卡等）的发放和回收进行统一管理和登记。\n" +
                "（2）访客：对进入企业的访客要检查带有照片的身份证件并进行登记，访客要佩戴临时身份标识并且有内部人员陪同。",
              textEn:
                "The enterprise manages the entry and exit of employees and visitors, and has a written system and procedures to protect company assets.\n" +
                "(1) Employees: an employee identification system is used for identification and access control; identification credentials of employees and visitors (such as keys and key cards) are issued and recovered under central management with registration.\n" +
                "(2) Visitors: visitors entering the enterprise have their photo identity documents checked and are registered; they wear a temporary badge and are accompanied by staff.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-12",
          code: "（十二）",
          level: "article",
          titleZh: "人员安全控制措施",
          titleEn: "Personnel security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "23",
              code: "23",
              level: "item",
              titleZh: "人员安全",
              titleEn: "Personnel security",
              textZh:
                "企业有审查拟聘员工和定期审查现有员工的书面制度和程序，提供动态的员工清单，包含姓名、出生日期、身份证号码、担任职位。\n" +
                "（1）聘用前审核：聘用员工前，应对其应聘申请信息（例如就业经历、推荐信等）进行核实。\n" +
                "（2）背景调查：聘用员工前，应对其进行有无违法犯罪记录进行安全背景的检查或者调查。一经录用，要根据员工表现，以及对处于重要敏感工作岗位的员工进行定期审查和重新调查。\n" +
                "（3）员工离职程序：应有书面制度和程序，对离职或者停职员工及时收回工作证件、设备，并禁止其进入企业生产经营场所及使用企业信息系统。",
              textEn:
                "The enterprise has a written system and procedures for screening prospective employees and periodically reviewing current employees, and keeps an up-to-date employee list with name, date of birth, identity-card number and position.\n" +
                "(1) Pre-employment verification: before hiring, the information in the job application (such as employment history and references) is verified.\n" +
                "(2) Background checks: before hiring, a security background check or investigation is made for any criminal record. After hiring, employees are periodically reviewed and re-investigated according to their conduct and, for those in important or sensitive posts, as a matter of course.\n" +
                "(3) Exit procedure: there is a written system and procedure to recover work credentials and equipment promptly from employees who leave or are suspended, and to bar them from the production and business premises and from the enterprise's information systems.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-13",
          code: "（十三）",
          level: "article",
          titleZh: "商业伙伴安全控制措施",
          titleEn: "Business partner security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "inferred",
          noteZh: `原件仅存条号“（十三）”，标题依据${advancedZh}第（十三）条推断。`,
          noteEn: `Only the article number (十三) survives in the original; the heading is inferred from article (十三) of ${advancedEn}.`,
          children: [
            {
              key: "24",
              code: "24",
              level: "item",
              titleZh: "商业伙伴安全",
              titleEn: "Business partner security",
              textZh:
                "企业有评估、要求、检查商业伙伴供应链安全的书面制度和程序。\n" +
                "（1）全面评估：在筛选商业伙伴时根据本认证标准对商业伙伴进行全面评估，重点评估守法合规和贸易安全，并有书面制度和程序。\n" +
                "（2）书面文件：在合同、协议或者其他书面资料中要求商业伙伴按照认证标准优化和完善贸易安全管理。\n" +
                "（3）监控检查：定期监控或者检查商业伙伴遵守贸易安全要求的情况，并有书面制度和程序。",
              textEn:
                "The enterprise has a written system and procedures to evaluate, set requirements for and check the supply-chain security of its business partners.\n" +
                "(1) Comprehensive evaluation: when selecting business partners, the enterprise evaluates them comprehensively against this certification standard, focusing on legal compliance and trade security, under a written system and procedures.\n" +
                "(2) Written documents: contracts, agreements or other written documents require business partners to improve their trade-security management in line with the certification standard.\n" +
                "(3) Monitoring and checks: partners' compliance with trade-security requirements is monitored or checked periodically, under a written system and procedures.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `标题和条文未在原件中找到，依据${advancedZh}第27项“商业伙伴安全”重建。`,
              noteEn: `Title and text not found in the original; reconstructed from item 27 (business partner security) of ${advancedEn}.`,
            },
          ],
        },
        {
          key: "art-14",
          code: "（十四）",
          level: "article",
          titleZh: "货物安全控制措施",
          titleEn: "Cargo security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "inferred",
          noteZh: `条号和标题未在原件中找到，依据其位置（第（十三）条与第（十五）条之间）及${advancedZh}第（十四）条推断。`,
          noteEn: `Article number and heading not found in the original; inferred from its position between articles (十三) and (十五) and from article (十四) of ${advancedEn}.`,
          children: [
            {
              key: "25",
              code: "25",
              level: "item",
              titleZh: "货物安全",
              titleEn: "Cargo security",
              textZh:
                "企业有确保供应链中货物在运输、搬运和存放过程中的完整性和安全性的措施和程序。\n" +
                "（1）装运和接收货物：运抵的货物要与货物单证的信息相符，核实货物的重量、标签、件数或者箱数。离岸的货物要与购货订单或者装运订单上的内容进行核实。在货物关键交接环节有签名、盖章等保护制度。\n" +
                "（2）货物差异：在出现货物溢、短装或者其他异常现象时要及时报告或者采取其他应对措施，并有书面制度和程序。",
              textEn:
                "The enterprise has measures and procedures to ensure the integrity and security of goods in the supply chain during transport, handling and storage.\n" +
                "(1) Shipping and receiving: arriving goods are matched against the information in the cargo documents, verifying weight, labels and number of pieces or cartons; departing goods are checked against the purchase or shipping order; signatures, stamps or similar safeguards are used at key hand-over points.\n" +
                "(2) Cargo discrepancies: overages, shortages or other anomalies are reported promptly or otherwise addressed, under a written system and procedures.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `分项（2）为原件文字；项目编号、标题、引导语和分项（1）未在原件中找到，依据${advancedZh}第28项重建。`,
              noteEn: `Sub-point (2) is the original wording. The item number, title, opening sentence and sub-point (1) were not found in the original and are reconstructed from item 28 of ${advancedEn}.`,
            },
          ],
        },
        {
          key: "art-15",
          code: "（十五）",
          level: "article",
          titleZh: "集装箱安全控制措施",
          titleEn: "Container security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "26",
              code: "26",
              level: "item",
              titleZh: "集装箱安全",
              titleEn: "Container security",
              textZh:
                "企业有确保集装箱的完整性，以防止未经许可的货物或者人员混入的措施和程序。\n" +
                "集装箱检查：在装货前检查集装箱结构的物理完整性和可靠性，包括门的锁闭系统的可靠性，并做好相关登记。",
              textEn:
                "The enterprise has measures and procedures to ensure container integrity, so that no unauthorised goods or persons get in.\n" +
                "Container inspection: before loading, the physical integrity and reliability of the container structure, including the reliability of the door-locking system, are checked and recorded.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-16",
          code: "（十六）",
          level: "article",
          titleZh: "运输工具安全控制措施",
          titleEn: "Conveyance security controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "official",
          children: [
            {
              key: "27",
              code: "27",
              level: "item",
              titleZh: "运输工具安全",
              titleEn: "Conveyance security",
              textZh:
                "企业有确保运输工具（拖车和挂车）的完整性，防止未经许可的人员或者物品混入的书面制度和程序。\n" +
                "（1）运输工具存储：运输工具要停放在安全的区域，以防止未经许可的进入或者其他损害，有报告和解决未经许可擅自进入或者损害的程序。\n" +
                "（2）司机身份核实：在货物被接收或者发放前，应对装运或者接收货物的驾驶员进行身份认定。",
              textEn:
                "The enterprise has a written system and procedures to ensure the integrity of conveyances (tractors and trailers) and to prevent unauthorised persons or items getting in.\n" +
                "(1) Conveyance storage: conveyances are parked in a secure area to prevent unauthorised entry or other damage, with a procedure for reporting and resolving unauthorised entry or damage.\n" +
                "(2) Driver identity verification: before goods are received or released, the identity of the driver delivering or collecting the goods is verified.",
              options: graded,
              provenance: "official",
            },
          ],
        },
        {
          key: "art-17",
          code: "（十七）",
          level: "article",
          titleZh: "危机管理控制措施",
          titleEn: "Crisis management controls",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "inferred",
          noteZh: `条号和标题未在原件中找到，依据条项数量（18条29项）及${advancedZh}第（十七）条推断。`,
          noteEn: `Article number and heading not found in the original; inferred from the count of 18 articles and 29 items and from article (十七) of ${advancedEn}.`,
          children: [
            {
              key: "28",
              code: "28",
              level: "item",
              titleZh: "危机管理",
              titleEn: "Crisis management",
              textZh:
                "企业有应对灾害或者紧急安全事故等异常情况的书面制度和程序。\n" +
                "（1）应对机制：具备对灾害或者紧急安全事故等异常情况的报告、处置等应急程序或者机制。\n" +
                "（2）应急培训：要对员工进行应急培训。\n" +
                "（3）异常报告：发现有灾害或者紧急安全事故等异常情况、非法或者可疑活动，要报告海关或者其他有关执法机关。",
              textEn:
                "The enterprise has a written system and procedures for dealing with disasters, security emergencies and other abnormal situations.\n" +
                "(1) Response mechanism: there are emergency procedures or mechanisms for reporting and handling disasters, security emergencies and other abnormal situations.\n" +
                "(2) Emergency training: employees receive emergency training.\n" +
                "(3) Reporting anomalies: disasters, security emergencies or other abnormal situations, and illegal or suspicious activities, are reported to customs or other competent law-enforcement authorities.",
              options: graded,
              provenance: "reconstructed",
              noteZh: `标题和条文未在原件中找到，依据${advancedZh}第31项“危机管理”重建。`,
              noteEn: `Title and text not found in the original; reconstructed from item 31 (crisis management) of ${advancedEn}.`,
            },
          ],
        },
      ],
    },

    // ───────────────────────────── 五、附加标准 ─────────────────────────────
    {
      key: "class-5",
      code: "五",
      level: "class",
      titleZh: "附加标准",
      titleEn: "Additional standard",
      textZh: "",
      textEn: "",
      options: [],
      provenance: "official",
      children: [
        {
          key: "art-18",
          code: "（十八）",
          level: "article",
          titleZh: "加分标准",
          titleEn: "Bonus criteria",
          textZh: "",
          textEn: "",
          options: [],
          provenance: "inferred",
          noteZh: `条号和标题未在原件中找到，依据${advancedZh}第（十八）条“加分标准”推断。`,
          noteEn: `Article number and heading not found in the original; inferred from article (十八) (bonus criteria) of ${advancedEn}.`,
          children: [
            {
              key: "29",
              code: "29",
              level: "item",
              titleZh: "加分项目",
              titleEn: "Bonus items",
              textZh: "有下列情形之一的，经海关确认后可以加分：",
              textEn: "Points may be added, once confirmed by customs, if any one of the following applies:",
              options: [],
              provenance: "reconstructed",
              noteZh: `项目标题和引导语依据${advancedZh}第32项重建；分项（2）至（5）为原件文字，分项（1）系重建。`,
              noteEn: `The item title and opening sentence are reconstructed from item 32 of ${advancedEn}; options (2) to (5) are the original wording and option (1) is reconstructed.`,
              children: [
                {
                  key: "29-1",
                  code: "（1）",
                  level: "sub_item",
                  titleZh: "海关特殊监管区域内企业",
                  titleEn: "Enterprise in a special customs supervision zone",
                  textZh: "属于海关特殊监管区域内企业。",
                  textEn: "The enterprise is located in a special customs supervision zone.",
                  options: bonus,
                  provenance: "reconstructed",
                  noteZh: `未在原件中找到，依据${advancedZh}第32项分项（1）重建。`,
                  noteEn: `Not found in the original; reconstructed from option (1) of item 32 of ${advancedEn}.`,
                },
                {
                  key: "29-2",
                  code: "（2）",
                  level: "sub_item",
                  titleZh: "国家鼓励和扶持产业",
                  titleEn: "State-encouraged industry",
                  textZh: "属于国家鼓励和扶持的信息技术、节能环保、新能源、高端装备制造、新材料等产业之一的企业。",
                  textEn:
                    "The enterprise belongs to one of the industries the State encourages and supports, such as information technology, energy saving and environmental protection, new energy, high-end equipment manufacturing and new materials.",
                  options: bonus,
                  provenance: "official",
                },
                {
                  key: "29-3",
                  code: "（3）",
                  level: "sub_item",
                  titleZh: "行业荣誉称号",
                  titleEn: "Industry honour",
                  textZh: "被中国报关协会等全国性行业组织评为优秀报关企业等荣誉称号的。",
                  textEn:
                    "The enterprise has been awarded an honour such as excellent customs broker by the China Customs Brokers Association or another national industry organisation.",
                  options: bonus,
                  provenance: "official",
                },
                {
                  key: "29-4",
                  code: "（4）",
                  level: "sub_item",
                  titleZh: "统计调查样本企业",
                  titleEn: "Statistical survey sample enterprise",
                  textZh:
                    "属于中国外贸出口先导指数样本企业，且1年内填报问卷及时率在90%以上、问卷答案与出口增速的吻合度在0.3以上的；或者属于进口货物使用去向调查样本企业、其他统计专项调查样本企业，且1年内填报问卷及时率和复核准确率在90%以上的。",
                  textEn:
                    "The enterprise is a sample enterprise of the China foreign-trade export leading index, and within 1 year its questionnaire timeliness is 90% or more and the fit between its answers and export growth is 0.3 or more; or it is a sample enterprise of the survey on the use of imported goods or of another special statistical survey, and within 1 year its questionnaire timeliness and review accuracy are 90% or more.",
                  options: bonus,
                  provenance: "official",
                },
                {
                  key: "29-5",
                  code: "（5）",
                  level: "sub_item",
                  titleZh: "报关单证企业存单",
                  titleEn: "Enterprise filing of declaration documents",
                  textZh:
                    "属于积极配合海关开展报关单证企业存单，且连续4个季度单季存单及时率、准确率高于全国平均水平的企业。",
                  textEn:
                    "The enterprise actively cooperates with customs in the enterprise filing of declaration documents, and for 4 consecutive quarters its quarterly filing timeliness and accuracy rates are above the national average.",
                  options: bonus,
                  provenance: "official",
                },
              ],
            },
          ],
        },
      ],
    },
  ],
} as const satisfies CatalogFramework;
