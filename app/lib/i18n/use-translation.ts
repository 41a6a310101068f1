import { useContext, useMemo } from "react";
import { I18nContext } from "react-i18next";

/**
 * The page's `t` and i18next instance, as react-i18next's useTranslation gives them, without its
 * per-call wrapper: react-i18next copies every property of the instance into a new object for each
 * component on each server render (8 % of a list page's server CPU at 50 rows, measured with
 * --cpu-prof). A page's instance has one language and never changes it (root.tsx makes a new
 * instance for another language), so a component only has to re-render when the instance changes,
 * which the context already does.
 */
export function useTranslation() {
  const { i18n } = useContext(I18nContext);
  const t = useMemo(() => i18n.getFixedT(null, "translation"), [i18n]);
  return { t, i18n };
}
