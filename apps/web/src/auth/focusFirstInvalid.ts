import type { FieldErrors } from '../api/client.ts';

/** Moves focus to the first field (in form order) that has an error, so its message is read out. */
export function focusFirstInvalid(form: HTMLFormElement | null, errors: FieldErrors) {
  if (!form) return;
  for (const el of Array.from(form.elements)) {
    if (el instanceof HTMLInputElement && el.name && errors[el.name]) {
      el.focus();
      return;
    }
  }
}
