// What needs attention: due and overdue items per person and role, the per-role dashboards.
export const attention = {
  attention: {
    title: "What needs attention",
  },
};
