import { type InputHTMLAttributes, type ReactNode, useId, useState } from 'react';
import { AlertIcon } from './icons.tsx';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: string;
  error?: string;
  hint?: ReactNode;
};

/** A labelled input whose hint and error are announced with it (aria-describedby). */
export function Field({ label, error, hint, type = 'text', ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === 'password';
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;

  const control = (
    <input
      {...input}
      id={id}
      type={isPassword && revealed ? 'text' : type}
      className="input"
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
    />
  );

  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {isPassword ? (
        <div className="input-group">
          {control}
          {/* Visible text "Show"/"Hide" names the button; no aria-label, so the field's label stays unique. */}
          <button
            type="button"
            className="btn btn-ghost btn-sm input-addon"
            aria-pressed={revealed}
            aria-controls={id}
            onClick={() => setRevealed((r) => !r)}
          >
            {revealed ? 'Hide' : 'Show'}
          </button>
        </div>
      ) : (
        control
      )}
      {error ? (
        <p className="field-error" id={errorId}>
          <AlertIcon />
          <span>{error}</span>
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
