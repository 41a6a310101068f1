import type { auth as english } from "../en/auth";
import type { Widen } from "../widen";

// 登录、注册、重设密码、邀请与账户页。键与 en/auth.ts 完全一致（由类型检查保证）。
export const auth: Widen<typeof english> = {
  login: {
    title: "登录",
    submit: "登录",
    forgot: "忘记密码？",
    signupLink: "首次使用 Tradeguard？创建企业账户",
    passwordWasReset: "密码已修改，请使用新密码登录。",
  },
  signup: {
    title: "创建企业账户",
    intro: "您将成为该企业的所有者，之后可以邀请同事加入。",
    submit: "创建企业",
    loginLink: "已有账户？登录",
    checkEmail: "请查收邮件：我们已向 {{email}} 发送了一封邮件，说明接下来的步骤。",
  },
  reset: {
    title: "重置密码",
    intro: "请输入账户邮箱。我们会发送设置新密码的链接，一小时内有效。",
    send: "发送链接",
    sent: "如果有账户使用该邮箱，重置链接已发出。请查收邮件（内置演示环境中，管理员可在“设置 › 邮件发件箱”中找到）。",
    submit: "设置新密码",
    requestAgain: "重新申请链接",
    backToLogin: "返回登录",
  },
  invite: {
    title: "加入企业",
    intro: "您受邀以“{{role}}”身份加入 {{organization}}，邮箱为 {{email}}。",
    existingAccount: "该邮箱已有 Tradeguard 账户。请输入该账户的密码以接受邀请。",
    accept: "接受邀请",
  },
  account: {
    title: "我的账户",
    profile: "个人资料",
    profileSaved: "个人资料已保存。",
    changePassword: "修改密码",
    passwordChanged: "密码已修改，您在其他设备上的会话已退出。",
    otherSessionsSignedOut: "修改密码后，该账户的其他会话都将退出登录。",
    organizations: "您的企业",
    current: "当前",
    switch: "切换到此企业",
  },
};
