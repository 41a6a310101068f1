import type { FormEvent } from "react";

/**
 * onSubmit of a GET filter form: with JavaScript the address then carries only the filters that are
 * set (?result=fail, not ?site=&template=&…); without it the empty ones are simply ignored.
 */
export function dropEmptyFields(event: FormEvent<HTMLFormElement>) {
  for (const element of Array.from(event.currentTarget.elements)) {
    if ((element instanceof HTMLInputElement || element instanceof HTMLSelectElement) && element.name && !element.value)
      element.disabled = true;
  }
}
