import { type ReactNode, useId } from 'react';
import { AlertIcon } from '../../ui/icons.tsx';

export type ControlProps = { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true };

/**
 * Label, hint and error around any control (select, textarea, a custom input), announced with it,
 * the same way ui/Field does for plain inputs.
 */
export function FieldShell({
  label,
  error,
  hint,
  className,
  children,
}: {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true } : {}),
      })}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          <AlertIcon />
          <span>{error}</span>
        </p>
      ) : null}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
