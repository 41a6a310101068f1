import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { readFormData } from "~/lib/form.server";
import { setUserLocale } from "~/lib/auth/accounts.server";
import { getAuth } from "~/lib/auth/auth.server";
import { isLocale } from "~/lib/i18n/config";
import { localeCookie } from "~/lib/i18n/i18n.server";
import { safeRedirectPath } from "~/lib/safe-redirect";

/** The language switch: saved on the account when signed in, and in a cookie either way. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const locale = form.get("lng");
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(back);
  const auth = await getAuth(request);
  if (auth) await setUserLocale(auth.db, auth.user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export function loader() {
  return redirect("/");
}
