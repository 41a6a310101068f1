// Notifications and reminders: in-app list, email reminders, weekly digest, WeCom/DingTalk/Feishu channels.
export const notifications = {
  notifications: {
    title: "Notifications",
  },
};
