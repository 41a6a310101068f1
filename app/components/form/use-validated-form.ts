import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { useForm, type FieldValues, type Resolver } from "react-hook-form";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { z } from "zod";
import { translateMessage } from "~/lib/i18n/messages";

export type ServerFormState = {
  errors?: Record<string, string | undefined>;
  values?: Record<string, string | string[]>;
} | null | undefined;

/**
 * One zod schema on both sides. With JavaScript, react-hook-form checks the fields before anything
 * is sent and then submits the real form (so the action receives exactly the FormData a browser
 * without JavaScript would post). Without JavaScript, the form posts natively and the action's
 * errors and values come back in `server`.
 */
export function useValidatedForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  options: { defaults?: Record<string, unknown>; server?: ServerFormState } = {},
) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const values = { ...options.defaults, ...options.server?.values };
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as unknown as Resolver<FieldValues>,
    defaultValues: values,
    mode: "onTouched",
  });

  function errorOf(name: string): string | undefined {
    const client = form.formState.errors[name]?.message;
    const encoded = typeof client === "string" && client ? client : options.server?.errors?.[name];
    return encoded ? translateMessage(t, encoded) : undefined;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void form.handleSubmit(() => {
      submit(submitter instanceof HTMLButtonElement && submitter.name ? submitter : formElement);
    })(event);
  }

  const serverErrors = Object.values(options.server?.errors ?? {}).some(Boolean);
  const clientErrors = form.formState.submitCount > 0 && Object.keys(form.formState.errors).length > 0;
  /** True when the last attempt was refused for field errors: pages show one "nothing was saved" line. */
  const rejected = clientErrors || serverErrors;
  return { form, values, errorOf, onSubmit, formError: errorOf("form"), rejected };
}
