import type { search as english } from "../en/search";
import type { Widen } from "../widen";

// 在本组织记录中搜索。键与 en/search.ts 完全一致（由类型检查保证）。
export const search: Widen<typeof english> = {
  search: {
    title: "搜索",
  },
};
