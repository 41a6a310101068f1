// The premises security patrol: the premises and access measures of the cross-walk (docs/criteria.md),
// taken from
// 海关认证企业标准（一般认证）（2014）第21项, 海关高级认证企业标准（2022）（32）–（37）, CTPAT MSC 9.1–9.16
// and WCO SAFE AEO requirement I; the parking point is 2014 第27项（1）/ 2022（52）/ MSC 5.1 / WCO H.

import type { CatalogTemplate, TemplateCriterionRef, TemplateItem } from "./types";

const ref = (framework: TemplateCriterionRef["framework"], key: string): TemplateCriterionRef => ({ framework, key });

function check(
  key: string,
  number: string,
  promptZh: string,
  promptEn: string,
  guidanceZh: string,
  guidanceEn: string,
  failRequiresPhoto: boolean,
  criteria: readonly TemplateCriterionRef[],
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
    failRequiresPhoto,
    failRequiresNote: true,
    criteria,
  };
}

export const premisesPatrol: CatalogTemplate = {
  code: "premises-patrol",
  version: 1,
  titleZh: "场所安全巡查",
  titleEn: "Premises security patrol",
  descriptionZh: "保安人员按企业制度规定的频次巡查经营场所时使用，逐项检查门岗、围墙、建筑物、锁具、照明、报警、视频监控、受控区域及车辆停放情况。",
  descriptionEn:
    "Use on each security patrol of the premises, as often as the site procedure says: gates, fences, buildings, locks, lighting, alarms, CCTV, controlled areas and vehicle parking.",
  sourceZh:
    "海关认证企业标准（一般认证）（2014）第21项、第27项；海关高级认证企业标准（2022）第（32）至（37）项、第（52）项；CTPAT 最低安全标准 5.1、7.24、9.1–9.15、10.1；WCO SAFE 标准框架 AEO 要求 H、I",
  sourceEn:
    "China Customs Certified Enterprise Standard, General Certification (2014) items 21 and 27; China Customs Advanced Certified Enterprise Standard (2022) sub-items (32)–(37) and (52); CTPAT Minimum Security Criteria 5.1, 7.24, 9.1–9.15 and 10.1; WCO SAFE AEO requirements H and I",
  definition: {
    kind: "premises",
    releaseGate: false,
    supervisorSignoff: "none",
    actionDueDays: 7,
    header: [{ field: "area", required: false }],
    sections: [
      {
        key: "patrol",
        titleZh: "巡查项目",
        titleEn: "Patrol points",
        items: [
          check(
            "gates-manned",
            "1",
            "大门及门卫室有人驻守",
            "Gates and gatehouse manned",
            "车辆和人员出入口均有保安在岗；仅放行身份明确、经授权的人员、车辆和货物；值班记录填写完整。",
            "A guard is on duty at every vehicle and pedestrian gate; only identified, authorised people, vehicles and goods pass; the gate log is up to date.",
            false,
            [ref("cn-2014-general", "21"), ref("cn-2022-advanced", "35"), ref("ctpat-msc", "9.4"), ref("wco-safe-aeo", "I")],
          ),
          check(
            "perimeter-fences",
            "2",
            "周界围墙（围栏）及大门完好",
            "Perimeter fences and gates intact",
            "沿围墙巡查：无破洞、缺口、攀爬痕迹，墙边无可供攀爬的堆放物；大门关闭、锁闭正常。",
            "Walk the fence line: no holes, gaps or climbing marks, nothing stacked against it to climb on; gates close and lock properly.",
            true,
            [ref("cn-2014-general", "21"), ref("cn-2022-advanced", "32"), ref("ctpat-msc", "9.2"), ref("wco-safe-aeo", "I")],
          ),
          check(
            "buildings",
            "3",
            "建筑物完好",
            "Buildings intact",
            "墙体、屋顶、门窗无破损或撬痕，能够防止非法闯入。",
            "Walls, roofs, doors and windows undamaged with no pry marks; they keep intruders out.",
            true,
            [ref("cn-2014-general", "21"), ref("cn-2022-advanced", "32"), ref("ctpat-msc", "9.1"), ref("wco-safe-aeo", "I")],
          ),
          check(
            "locks-keys",
            "4",
            "锁具有效，钥匙保管到位",
            "Locks working, keys in custody",
            "门、窗、大门的锁具完好、锁闭有效；核对钥匙箱，钥匙齐全、无缺失，借出的钥匙均已登记。",
            "Locks on doors, windows and gates intact and working. Check the key box: all keys present, none missing, every key out is signed for.",
            true,
            [
              ref("cn-2014-general", "21"),
              ref("cn-2022-advanced", "33"),
              ref("ctpat-msc", "9.1"),
              ref("ctpat-msc", "10.1"),
              ref("wco-safe-aeo", "I"),
            ],
          ),
          check(
            "lighting",
            "5",
            "照明正常",
            "Lighting working",
            "出入口、装卸区、仓储区、围墙沿线及停车区照明正常；不亮的灯具在备注中写明位置。",
            "Lights work at entrances, loading and storage areas, fence lines and parking; note where any lamp is out.",
            false,
            [ref("cn-2014-general", "21"), ref("cn-2022-advanced", "34"), ref("ctpat-msc", "9.6"), ref("wco-safe-aeo", "I")],
          ),
          check(
            "alarms",
            "6",
            "报警系统正常",
            "Alarms working",
            "报警主机无故障或布防异常提示；按制度抽测报警点位，并记录测试结果。",
            "The alarm panel shows no faults and is armed as it should be; test sample points as the procedure says and record the result.",
            false,
            [ref("ctpat-msc", "9.8-9.10"), ref("wco-safe-aeo", "I")],
          ),
          check(
            "cctv",
            "7",
            "视频监控正常并在录像",
            "CCTV cameras working and recording",
            "各路监控画面齐全、清晰，摄像机无遮挡、无移位；录像设备正在录像，日期时间准确。",
            "Every camera image present and clear, no camera blocked or moved; the recorder is recording with the correct date and time.",
            false,
            [
              ref("cn-2022-advanced", "37"),
              ref("ctpat-msc", "9.13-9.15"),
              ref("ctpat-msc", "9.8-9.10"),
              ref("wco-safe-aeo", "I"),
            ],
          ),
          check(
            "controlled-areas",
            "8",
            "受控区域标识清晰，无未经授权人员、车辆",
            "Controlled areas marked, no unauthorised persons or vehicles",
            "单证存放区、装卸区、仓储区等受控区域标识清晰、门禁有效；发现身份不明人员应上前盘问，并按程序报告。",
            "Document, loading and storage areas clearly marked, access controls working. Challenge anyone unidentified and report it as the procedure says.",
            false,
            [ref("cn-2014-general", "21"), ref("cn-2022-advanced", "36"), ref("ctpat-msc", "7.24"), ref("wco-safe-aeo", "I")],
          ),
          check(
            "conveyance-parking",
            "9",
            "运输工具停放在安全区域",
            "Conveyances parked in the secured area",
            "牵引车、挂车和集装箱停放在指定的安全区域；无人看管的车辆车门、箱门已锁闭或施封。",
            "Tractors, trailers and containers parked in the designated secure area; doors of unattended vehicles and boxes locked or sealed.",
            true,
            [
              ref("cn-2014-general", "27"),
              ref("cn-2022-advanced", "52"),
              ref("ctpat-msc", "5.1"),
              ref("wco-safe-aeo", "H"),
              ref("wco-safe-aeo", "I"),
            ],
          ),
          {
            key: "other-observations",
            number: "10",
            promptZh: "其他情况",
            promptEn: "Other observations",
            guidanceZh: "记录巡查中发现的其他异常或需要跟进的事项。",
            guidanceEn: "Anything else found on the patrol that needs follow-up.",
            answer: "text",
            required: false,
            failRequiresPhoto: false,
            failRequiresNote: false,
            criteria: [],
          },
        ],
      },
    ],
  },
};
