import type { charts as english } from "../en/charts";
import type { Widen } from "../widen";

// 图表：证据覆盖热力图、每月检查、合作伙伴风险等级、整改措施账龄。键与 en/charts.ts 完全一致（由类型检查保证）。
export const charts: Widen<typeof english> = {
  charts: {
    title: "图表",
    noData: "暂无数据",
    showTable: "以表格查看数据",
    total: "合计",
    month: "月份",
    coverage: {
      title: "近 12 个月各条款的证据",
      desc: "{{from}}至{{to}}，共 {{rows}} 个条款有带日期的证据，关联记录 {{total}} 条。每个格子是该月关联到该条款的记录数，颜色越深，记录越多。",
      empty: "本标准的条款尚未关联任何检查、封志、访客、培训或合作伙伴记录。这些记录在登记时会自动关联。",
      note: "制度文件不计入此图：制度在有效期内始终是证据。",
      criterion: "条款",
      legend: "每月记录数",
      legendNone: "无",
    },
    inspections: {
      perMonthTitle: "每月检查次数",
      perMonthDesc: "{{from}}至{{to}}共提交检查 {{total}} 次，其中 {{failed}} 次有不合格项。每列自下而上为当月合格与不合格的检查，列顶标注合计。",
      perSiteTitle: "各场所合格率",
      perSiteDesc: "近 12 个月各场所检查中合格的比例，由低到高排列。",
      pass: "合格",
      fail: "不合格",
      site: "场所",
      noSite: "未指定场所",
      rate: "合格率",
      rateValue: "{{rate}}%（{{pass}}/{{total}}）",
      empty: "近 12 个月尚未提交任何检查。",
      moreSites_one: "另有 {{count}} 个场所见表格。",
      moreSites: "另有 {{count}} 个场所见表格。",
    },
    partners: {
      tiersTitle: "合作伙伴风险等级分布",
      tiersDesc: "未被否决的合作伙伴共 {{total}} 家，按最近一次评估的风险等级统计。",
      dueTitle: "待重新评估",
      empty: "尚无合作伙伴。",
      dueEmpty: "没有已逾期或今后六个月内到期的重新评估（另有 {{later}} 家在此之后到期，{{undated}} 家尚无日期）。",
      dueDesc: "已逾期的重新评估（{{overdue}} 家）及今后六个月每月到期的数量，按风险等级堆叠。另有 {{later}} 家在此之后到期，{{undated}} 家尚无日期（从未评估）。",
      tier: "风险等级",
      partners: "合作伙伴",
      due: "到期",
      overdue: "已逾期",
      tierName: {
        high: "高风险",
        medium: "中风险",
        low: "低风险",
        none: "尚未评级",
      },
    },
    actions: {
      title: "未关闭整改措施的账龄",
      desc: "未关闭的整改措施共 {{open}} 项，按提出至今的天数分组；其中 {{overdue}} 项已过期限（每列底部的斜线部分）。",
      age: "提出至今天数",
      empty: "没有未关闭的整改措施。",
      overdue: "已逾期",
      onTime: "未到期",
      bucket: {
        "0-7": "0–7 天",
        "8-30": "8–30 天",
        "31-90": "31–90 天",
        "91+": "超过 90 天",
      },
    },
  },
};
