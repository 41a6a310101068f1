import type { attention as english } from "../en/attention";
import type { Widen } from "../widen";

// 需要处理的事项：按人员和角色列出的到期与逾期事项，各角色的概览页。键与 en/attention.ts 完全一致（由类型检查保证）。
export const attention: Widen<typeof english> = {
  attention: {
    title: "待办事项",
  },
};
