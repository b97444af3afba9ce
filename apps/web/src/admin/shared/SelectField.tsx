import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell.tsx';

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: string;
  error?: string;
  hint?: ReactNode;
};

export function SelectField({ label, error, hint, children, className, ...select }: Props) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={className}>
      {(control) => (
        <select {...select} {...control} className="input select">
          {children}
        </select>
      )}
    </FieldShell>
  );
}
