import type { FieldErrors } from '../../api/client.ts';

/** Focuses the first control (in form order) whose name has an error, so its message is read out. */
export function focusFirstError(form: HTMLFormElement | null, errors: FieldErrors) {
  if (!form) return;
  for (const el of Array.from(form.elements)) {
    const name = (el as HTMLInputElement).name;
    if (name && errors[name] && el instanceof HTMLElement) {
      el.focus();
      return;
    }
  }
}
