// A register's filter as the query string of its address ("?kind=theft&from=2026-01-01", or "" when
// nothing is set): the list's pager, its CSV link and the form's key all use it.

export function filterSearch(filter: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === "string" && value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
