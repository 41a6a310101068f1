// Charts: coverage heat map, inspections per month, partner risk tiers, action ageing.
export const charts = {
  charts: {
    title: "Charts",
  },
};
