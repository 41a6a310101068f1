// A page with several forms posts to one action, each form naming what it does in an `intent`
// field. The allowed intents are a readonly tuple next to the action, so the intent read back is
// typed by it and a misspelt branch is a type error. Client-safe: a page can read the intent of
// navigation.formData or a fetcher's form data the same way.

/** The form's `intent` field when it is one of `intents`, else null (missing, a file, or unknown). */
export function intentOf<const T extends readonly string[]>(formData: FormData | null | undefined, intents: T): T[number] | null {
  const value = formData?.get("intent");
  return typeof value === "string" && intents.includes(value) ? value : null;
}
