import { Link } from "@remix-run/react";
import { translateMessage } from "~/lib/i18n/messages";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Permission, Role } from "~/lib/auth/permissions";
import { buttonClass } from "./ui/button";

interface DenialData {
  reason?: string;
  permission?: Permission;
  role?: Role;
  allowedRoles?: Role[];
  /** A 429's wait. */
  retryAfterMinutes?: number;
  /** A 400 thrown while reading a form (readFormData): its message, under `form`. */
  errors?: { form?: unknown };
}

/**
 * 404, 403, 400, 429, 503 and 500 pages, in the reader's language. A 403 says which roles may do the
 * thing; a 400 is a form refused while it was read (readFormData), with its message; a 429 says how
 * long to wait; a 503 is the database being away for a while (database-outage.server.ts).
 */
export function ErrorPage(props: { status: number; data: unknown; title?: string }) {
  const { t } = useTranslation();
  const denial = (props.data ?? {}) as DenialData;
  let title = props.title ?? t("errorPage.unexpectedTitle");
  let body = t("errorPage.unexpectedBody");
  if (props.status === 404) {
    title = t("errorPage.notFoundTitle");
    body = t("errorPage.notFoundBody");
  } else if (props.status === 403 && denial.permission && denial.role) {
    title = t("errorPage.forbiddenTitle");
    body = t("errorPage.forbiddenBody", {
      action: t(`permissions.${denial.permission}`),
      role: t(`roles.${denial.role}`),
      allowed: (denial.allowedRoles ?? []).map((r) => t(`roles.${r}`)).join(t("common.listSeparator")),
    });
  } else if (props.status === 403) {
    title = t("errorPage.forbiddenTitle");
    body = t("errorPage.csrfBody");
  } else if (props.status === 429) {
    title = t("errorPage.tooManyTitle");
    body = t("errorPage.tooManyBody", { minutes: denial.retryAfterMinutes ?? 15 });
  } else if (props.status === 400 && typeof denial.errors?.form === "string") {
    // A form refused while it was read (readFormData): a body that is no form, a control character.
    title = t("errorPage.badRequestTitle");
    body = translateMessage(t, denial.errors.form);
  } else if (props.status === 503) {
    title = t("errorPage.unavailableTitle");
    body = t("errorPage.unavailableBody");
  }
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700">{props.status}</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mt-3 text-slate-600">{body}</p>
      <div className="mt-6">
        <Link to="/" className={buttonClass("primary")}>
          {t("errorPage.home")}
        </Link>
      </div>
    </main>
  );
}
