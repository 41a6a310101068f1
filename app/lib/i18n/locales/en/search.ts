// Search across the organisation's records.
export const search = {
  search: {
    title: "Search",
  },
};
