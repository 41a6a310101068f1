import { Outlet } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { LanguageSwitch } from "~/components/language-switch";

export default function AuthLayout() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
        <span className="text-lg font-bold text-brand-800">{t("app.name")}</span>
        <LanguageSwitch />
      </header>
      <main className="mx-auto w-full max-w-md flex-1 px-4 pb-16 pt-6">
        <p className="mb-6 text-slate-600">{t("app.tagline")}</p>
        <Outlet />
      </main>
    </div>
  );
}
