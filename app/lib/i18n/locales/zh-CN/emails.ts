import type { emails as english } from "../en/emails";
import type { Widen } from "../widen";

// 电子邮件（由服务器发送，从不发往浏览器）。键与 en/emails.ts 完全一致（由类型检查保证）。
export const emails: Widen<typeof english> = {
  emails: {
    footer: "Tradeguard · 贸易安全合规。您收到此邮件是因为在 Tradeguard 中发生了相关操作。",
    linkFallback: "如果按钮无法使用，请打开以下地址：",
    notices: {
      dailyTitle: "{{organization}}：{{date}} 有 {{count}} 项待办",
      dailyTitle_one: "{{organization}}：{{date}} 有 1 项待办",
      sealReportTitle: "封志 {{number}} 异常报告：{{kind}}",
      assignmentTitle: "整改措施 {{reference}} 已分派给您：{{title}}",
      sealKind: { discrepancy: "不符", broken: "封志损坏或被篡改", number_mismatch: "封志号不符" },
    },
    reminder: {
      subject: "今天有 {{count}} 项待办需要您处理",
      subject_one: "今天有 1 项待办需要您处理",
      greeting: "{{name}}，您好：",
      body: "{{organization}}今天（{{date}}）到期或已逾期的事项如下：",
      button: "打开 Tradeguard",
      preferences: "设置接收哪些提醒：{{url}}",
    },
    digest: {
      subject: "本周待办摘要：{{count}} 项未完成",
      subject_one: "本周待办摘要：1 项未完成",
      subjectNone: "本周待办摘要：没有未完成的事项",
      greeting: "{{name}}，您好：",
      body: "截至 {{date}} 这一周开始，您在{{organization}}负责的事项：",
      none: "您负责的事项都没有到期或逾期，辛苦了。",
      button: "打开 Tradeguard",
      preferences: "如不需要每周摘要，可在通知设置中关闭：{{url}}",
      state: { overdue: "已逾期", due_today: "今天到期", due_soon: "即将到期", waiting: "等您处理" },
      due: "{{date}} 到期",
    },
    assignment: {
      subject: "整改措施 {{reference}} 已分派给您",
      greeting: "{{name}}，您好：",
      body: "{{assigner}}在{{organization}}给您分派了一项整改措施：{{title}}，截止日期为 {{dueOn}}。",
      button: "查看整改措施",
    },
    invitation: {
      subject: "邀请您加入 Tradeguard 上的 {{organization}}",
      greeting: "您好：",
      body: "{{inviter}} 邀请您以“{{role}}”身份加入 Tradeguard 上的 {{organization}}。",
      button: "接受邀请",
      expires: "该链接只能使用一次，于 {{expiresAt}} 失效。",
      ignore: "如果您没有预期收到此邀请，请忽略本邮件。",
    },
    partnerQuestionnaire: {
      subject: "{{organization}}：贸易安全调查问卷",
      greeting: "{{partner}}：",
      body: "根据海关认证企业管理要求，我司须对合作伙伴进行评估。{{organization}}的{{sender}}邀请贵司填写我司的贸易安全调查问卷。无需注册账户：点击下方链接即可打开问卷，并可上传相关文件。",
      button: "填写问卷",
      expires: "链接有效期至 {{expiresAt}}。",
    },
    passwordReset: {
      subject: "重置您的 Tradeguard 密码",
      greeting: "{{name}}，您好：",
      body: "有人申请重置您的 Tradeguard 账户密码。请点击按钮设置新密码。",
      button: "设置新密码",
      expires: "该链接只能使用一次，于 {{expiresAt}} 失效。",
      ignore: "如果这不是您本人的操作，请忽略本邮件，您的密码不会改变。",
    },
    signupAttempt: {
      subject: "有人尝试用您的邮箱注册 Tradeguard",
      greeting: "{{name}}，您好：",
      body: "刚才有人尝试使用此邮箱地址在 Tradeguard 上创建新企业。该邮箱已属于您的账户，因此没有创建任何内容，您的账户也没有任何变化。",
      ifYou: "如果是您本人，请用密码直接登录。如需同时在另一家企业中工作，请让该企业的所有者或管理员邀请此邮箱：一个账户可以属于多家企业。",
      button: "登录",
      forgot: "忘记密码？可在此申请重置链接：",
      ignore: "如果不是您本人的操作，请忽略本邮件：没有您的密码，任何人都无法使用您的账户。",
    },
  },
};
