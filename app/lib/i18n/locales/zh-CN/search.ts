import type { search as english } from "../en/search";
import type { Widen } from "../widen";

// 在本组织记录中搜索：页头搜索框的结果页。键与 en/search.ts 完全一致（由类型检查保证）。
export const search: Widen<typeof english> = {
  search: {
    title: "搜索",
    lookIn: "在本组织的{{kinds}}中查找。",
    resultsFor: "“{{text}}”的搜索结果",
    problems: {
      empty: "请输入企业名称、集装箱号、封志号、统一社会信用代码，或 CA-0003 这样的编号。",
      tooShort: "请至少输入 {{min}} 个字符，只输一个字匹配的记录太多。",
      tooLong: "搜索内容有 {{length}} 个字符，请缩短到 {{max}} 个以内。",
    },
    nothing: "没有找到与“{{text}}”相关的记录。",
    whatToType: "可以搜索的内容",
    kinds: {
      inspection: "检查记录",
      seal: "封志",
      visitor: "访客",
      employee: "员工",
      partner: "合作伙伴",
      action: "整改措施",
      dossier: "证据档案",
    },
    kindHints: {
      inspection: "集装箱号，或 INS-000042 这样的检查编号",
      seal: "封志号，或施封的集装箱号",
      visitor: "访客姓名、单位，或 VIS-00012",
      employee: "姓名，或 EMP-0001",
      partner: "中文或英文名称、统一社会信用代码，或 TP-00012",
      action: "CA-0003",
      dossier: "DOS-1",
    },
    fields: {
      legalNameZh: "中文名称",
      legalNameEn: "英文名称",
      uscc: "统一社会信用代码",
      reference: "编号",
      containerNumber: "集装箱号",
      sealNumber: "封志号",
      sealTarget: "施封于",
      visitorName: "访客",
      company: "单位",
      name: "姓名",
    },
    matchedField: "{{field}}：",
    more: "查看全部匹配的{{kind}}",
    firstShown: "仅显示前 {{count}} 条",
    details: {
      inspected: "检查于 {{date}}",
      result: {
        pass: "合格",
        fail: "不合格",
      },
      applied: "施封于 {{date}}",
      notApplied: "尚未施封",
      signedIn: "登记于 {{date}}",
      idNumber: "证件号 {{masked}}",
      left: "已离职",
      due: "{{date}} 到期",
      period: "期间 {{from}} 至 {{to}}",
    },
  },
};
