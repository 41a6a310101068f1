import type { charts as english } from "../en/charts";
import type { Widen } from "../widen";

// 图表：证据覆盖热力图、每月检查、合作伙伴风险等级、整改措施账龄。键与 en/charts.ts 完全一致（由类型检查保证）。
export const charts: Widen<typeof english> = {
  charts: {
    title: "图表",
  },
};
