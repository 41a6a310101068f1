import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { buttonClass } from "./button";

/**
 * Previous / "page n of m" / next under a list; nothing when it fits on one page. `more`: the list
 * was counted only so far (LIST_COUNT_LIMIT), there are more pages than `pages`.
 */
export function Pager(props: { page: number; pages: number; more?: boolean; label: string; href: (page: number) => string }) {
  const { t } = useTranslation();
  if (props.pages <= 1 && !props.more) return null;
  return (
    <nav className="mt-4 flex items-center justify-between gap-2" aria-label={props.label}>
      {props.page > 1 ? (
        <Link to={props.href(props.page - 1)} className={buttonClass("secondary")}>
          {t("common.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-slate-600">
        {t(props.more ? "common.pageOfMore" : "common.pageOf", { page: props.page, pages: props.pages })}
      </span>
      {props.page < props.pages || props.more ? (
        <Link to={props.href(props.page + 1)} className={buttonClass("secondary")}>
          {t("common.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** The address of a page of a filtered list: the filters' query, with `page` only past the first. */
export function pageAddress(path: string, filterQuery: string, page: number): string {
  const params = new URLSearchParams(filterQuery.startsWith("?") ? filterQuery.slice(1) : filterQuery);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
