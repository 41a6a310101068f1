// The secure storage check (安全存放检查): goods, articles and containers in the enterprise's custody
// are kept in secure areas that unauthorised people cannot reach: 海关高级认证企业标准（2022）（45）,
// 海关认证企业标准（一般认证）（2014）第25项, CTPAT MSC 7.1 (staged cargo secured) and 5.1 (conveyances
// and IIT stored securely), WCO SAFE AEO requirement G.

import type {
  CatalogTemplate,
  TemplateCriterionRef,
  TemplateItem,
} from "./types";

const ref = (
  framework: TemplateCriterionRef["framework"],
  key: string,
): TemplateCriterionRef => ({ framework, key });
const storage: readonly TemplateCriterionRef[] = [
  ref("cn-2014-general", "25"),
  ref("cn-2022-advanced", "45"),
  ref("ctpat-msc", "7.1"),
  ref("wco-safe-aeo", "G"),
];

function check(
  key: string,
  number: string,
  promptZh: string,
  promptEn: string,
  guidanceZh: string,
  guidanceEn: string,
  criteria = storage,
): TemplateItem {
  return {
    key,
    number,
    promptZh,
    promptEn,
    guidanceZh,
    guidanceEn,
    answer: "pass_fail_na",
    required: true,
    failRequiresPhoto: true,
    failRequiresNote: true,
    criteria,
  };
}

export const secureStorageCheck: CatalogTemplate = {
  code: "secure-storage-check",
  version: 1,
  titleZh: "货物安全存放检查",
  titleEn: "Secure storage check",
  descriptionZh:
    "巡查仓库、待运区和堆场时使用：检查进出口货物、物品和集装箱是否存放在安全区域，未经授权人员不能接触。",
  descriptionEn:
    "Use on rounds of the warehouse, staging area and yard: goods, articles and containers in custody are stored in secure areas that unauthorised people cannot reach.",
  sourceZh:
    "海关高级认证企业标准（2022）第（45）项；海关认证企业标准（一般认证）（2014）第25项；CTPAT 最低安全标准 5.1、7.1；WCO SAFE 标准框架 AEO 要求 G",
  sourceEn:
    "China Customs Advanced Certified Enterprise Standard (2022) sub-item (45); China Customs Certified Enterprise Standard, General Certification (2014) item 25; CTPAT Minimum Security Criteria 5.1 and 7.1; WCO SAFE AEO requirement G",
  definition: {
    kind: "storage",
    releaseGate: false,
    supervisorSignoff: "none",
    actionDueDays: 3,
    header: [{ field: "area", required: true }],
    sections: [
      {
        key: "storage",
        titleZh: "存放区域",
        titleEn: "Storage areas",
        items: [
          check(
            "area-secured",
            "1",
            "仓库／待运区设有门禁或围隔，出入口锁闭",
            "Warehouse and staging area enclosed or access-controlled; doors locked",
            "进出口货物存放区与其他区域隔开；非作业时间门锁闭，钥匙按登记保管。",
            "Import and export goods are kept apart from other areas; doors are locked outside working hours and keys are kept as registered.",
          ),
          check(
            "staged-cargo",
            "2",
            "待运货物集中存放在指定区域并有标识",
            "Staged cargo kept together in its marked area",
            "待出口货物按票集中堆放，标识清楚；无散落、无无人看管的开封货物。",
            "Export cargo is stacked by shipment and clearly marked; nothing scattered, no opened packages left unattended.",
          ),
          check(
            "no-unauthorised",
            "3",
            "存放区域内无未经授权人员",
            "No unauthorised people in the storage areas",
            "在场人员均佩戴证件且属于授权名单；发现陌生人员立即盘查并报告。",
            "Everyone present wears a badge and is on the authorised list; challenge and report anyone unknown.",
            [...storage, ref("ctpat-msc", "7.24")],
          ),
          check(
            "containers-stored",
            "4",
            "空箱、重箱及车辆停放在安全区域，箱门关闭或已施封",
            "Empty and loaded containers and trailers parked in a secure area, doors closed or sealed",
            "重箱施封完好；空箱箱门关闭；停放区有照明、有监控或有人看守。",
            "Loaded containers keep intact seals; empty ones have their doors shut; the parking area is lit and watched by camera or guard.",
            [...storage, ref("ctpat-msc", "5.1")],
          ),
          check(
            "packaging-intact",
            "5",
            "货物包装完好，无拆封、破损或被动过的迹象",
            "Packaging intact, no sign of opening, damage or tampering",
            "检查封箱胶带、缠绕膜和标签；异常时拍照并通知主管。",
            "Check tape, stretch wrap and labels; photograph anything wrong and tell the supervisor.",
          ),
        ],
      },
    ],
  },
};
