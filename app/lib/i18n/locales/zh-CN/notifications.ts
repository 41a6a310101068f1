import type { notifications as english } from "../en/notifications";
import type { Widen } from "../widen";

// 通知与提醒：站内通知、邮件提醒、每周摘要、企业微信/钉钉/飞书群机器人。键与 en/notifications.ts 完全一致（由类型检查保证）。
export const notifications: Widen<typeof english> = {
  notifications: {
    title: "通知",
  },
};
