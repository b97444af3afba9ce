import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { FieldShell } from './FieldShell.tsx';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  error?: string;
  hint?: ReactNode;
};

export function TextAreaField({ label, error, hint, className, ...textarea }: Props) {
  return (
    <FieldShell label={label} error={error} hint={hint} className={className}>
      {(control) => <textarea rows={5} {...textarea} {...control} className="input textarea" />}
    </FieldShell>
  );
}
