import { Link } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Input, Select } from "~/components/ui/input";
import { formatCalendarDate } from "~/lib/i18n/format";
import { useLocale } from "~/lib/i18n/use-locale";
import type { TrainingListFilter } from "~/lib/training/training-filter";
import { trainingCategories, type TrainingCategory } from "~/lib/training/training-rules";
import { CategoryBadge, type SiteOption } from "./training-parts";
import { FilterField, SiteFilterField } from "~/components/form/filter-field";
import { FilterButtons, FilterForm } from "~/components/ui/filter-bar";
import { localized } from "~/lib/i18n/localized";

// The sessions list and its filter form, shared by /training and /training/drills.

export interface SessionRow {
  id: string;
  reference: string;
  category: TrainingCategory;
  topic: string;
  heldOn: string;
  startTime: string | null;
  trainer: string;
  provider: string | null;
  siteNameZh: string | null;
  siteNameEn: string | null;
  attendeeCount: number;
  scenario: string | null;
}

export function TrainingFilterForm(props: { path: string; filter: TrainingListFilter; sites: readonly SiteOption[]; categories: boolean }) {
  const { t } = useTranslation();
  const filtered = Object.keys(props.filter).length > 0;
  return (
    <FilterForm action={props.path} className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-5" label={t("training.filter.label")}>
      <FilterField label={t("training.filter.search")} htmlFor="f-q" className="col-span-2 lg:col-span-1">
        <Input id="f-q" name="q" type="search" defaultValue={props.filter.q ?? ""} placeholder={t("training.filter.searchPlaceholder")} />
      </FilterField>
      {props.categories ? (
        <FilterField label={t("training.fields.category")} htmlFor="f-category" className="col-span-2 lg:col-span-1">
          <Select id="f-category" name="category" defaultValue={props.filter.category ?? ""}>
            <option value="">{t("common.all")}</option>
            {trainingCategories.map((c) => (
              <option key={c} value={c}>
                {t(`training.category.${c}`)}
              </option>
            ))}
          </Select>
        </FilterField>
      ) : null}
      <SiteFilterField
        label={t("training.fields.site")}
        sites={props.sites}
        value={props.filter.site}
        className="col-span-2 lg:col-span-1"
      />
      <FilterField label={t("training.filter.from")} htmlFor="f-from">
        <Input id="f-from" name="from" type="date" defaultValue={props.filter.from ?? ""} />
      </FilterField>
      <FilterField label={t("training.filter.to")} htmlFor="f-to">
        <Input id="f-to" name="to" type="date" defaultValue={props.filter.to ?? ""} />
      </FilterField>
      <div className="col-span-2 flex flex-wrap gap-3 lg:col-span-5">
        <FilterButtons apply={t("training.filter.apply")} clear={t("training.filter.clear")} clearTo={props.path} filtered={filtered} />
      </div>
    </FilterForm>
  );
}

export function SessionList(props: { rows: readonly SessionRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-100">
      {props.rows.map((s) => (
        <li key={s.id} className="py-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p className="min-w-0">
              <span className="mr-2 font-mono text-sm text-slate-600">{s.reference}</span>
              <Link to={`/training/${s.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
                {s.topic}
              </Link>
            </p>
            <CategoryBadge category={s.category} />
          </div>
          <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-600">
            <span>
              {formatCalendarDate(s.heldOn, locale)}
              {s.startTime ? ` ${s.startTime}` : ""}
            </span>
            {s.siteNameZh ? <span>{localized(s, "siteName", i18n.language)}</span> : null}
            <span>{t("training.trainerIs", { name: s.provider ? `${s.trainer} (${s.provider})` : s.trainer })}</span>
            <span className={s.attendeeCount === 0 ? "font-semibold text-amber-800" : undefined}>
              {t("training.attendeeCount", { count: s.attendeeCount })}
            </span>
          </p>
          {s.scenario ? <p className="mt-1 line-clamp-2 text-sm text-slate-700">{s.scenario}</p> : null}
        </li>
      ))}
    </ul>
  );
}
