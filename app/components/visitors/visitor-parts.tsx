import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/use-translation";
import { Badge } from "../ui/badge";
import { buttonClass } from "../ui/button";

// Pieces of the visitor log shared by /visitors and a visitor's own page.

/** 未签离: still signed in after the end of the day of arrival. */
export function NotSignedOutBadge() {
  const { t } = useTranslation();
  return <Badge tone="bad">{t("visitors.notSignedOut")}</Badge>;
}

/** One tap, a plain POST: works without JavaScript, and goes back to where the guard was. */
export function SignOutButton(props: { entryId: string; name: string; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action={`/visitors/${props.entryId}`}>
      <input type="hidden" name="intent" value="signOut" />
      <input type="hidden" name="redirectTo" value={props.redirectTo} />
      <button
        type="submit"
        className={buttonClass("primary", "min-h-14 w-full px-5 text-lg sm:w-auto")}
        aria-label={t("visitors.signOutOf", { name: props.name })}
      >
        {t("visitors.signOut")}
      </button>
    </Form>
  );
}
