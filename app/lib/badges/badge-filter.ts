import { isUuid } from "../value-checks";
import { accessItemKinds, accessItemStatuses, type AccessItemKind, type AccessItemStatus } from "./access-item-rules";

// The filters of /badges and of its exports, from and to the query string; unknown values are ignored.

export interface AccessItemFilter {
  kind?: AccessItemKind;
  status?: AccessItemStatus;
  site?: string;
  /** Part of the code, the description or the holder's name. */
  q?: string;
}

export function parseAccessItemFilter(params: URLSearchParams): AccessItemFilter {
  const filter: AccessItemFilter = {};
  const kind = params.get("kind");
  if ((accessItemKinds as readonly string[]).includes(kind ?? "")) filter.kind = kind as AccessItemKind;
  const status = params.get("status");
  if ((accessItemStatuses as readonly string[]).includes(status ?? "")) filter.status = status as AccessItemStatus;
  const site = params.get("site");
  if (isUuid(site)) filter.site = site;
  const q = params.get("q")?.trim();
  if (q) filter.q = q.slice(0, 60);
  return filter;
}

export function accessItemFilterSearch(filter: AccessItemFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : "";
}
