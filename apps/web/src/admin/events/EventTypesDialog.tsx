import { type EventType, EventTypeCreate } from '@ticketing/contracts';
import { type FormEvent, useState } from 'react';
import { useCreateEventType } from '../../api/admin/useCreateEventType.ts';
import { useEventTypes } from '../../api/admin/useEventTypes.ts';
import { useUpdateEventType } from '../../api/admin/useUpdateEventType.ts';
import { describeError, type FieldErrors, isApiError } from '../../api/client.ts';
import { validateWith } from '../../auth/fieldErrors.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';

/** Add, rename and retire event types. Retired types stay on the events that use them. */
export function EventTypesDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (key: string) => void;
}) {
  const types = useEventTypes();
  return (
    <Dialog open={open} title="Event types" onClose={onClose} wide>
      <div className="stack">
        {types.isPending ? (
          <PageLoading label="Loading types…" />
        ) : types.isError ? (
          <ErrorAlert>{describeError(types.error)}</ErrorAlert>
        ) : (
          <ul className="type-list" aria-label="Event types">
            {types.data.map((t) => (
              <TypeRow key={t.key} type={t} />
            ))}
          </ul>
        )}
        <AddType onCreated={onCreated} />
      </div>
    </Dialog>
  );
}

function TypeRow({ type }: { type: EventType }) {
  const update = useUpdateEventType();
  const [label, setLabel] = useState(type.label);
  const changed = label.trim() !== type.label;
  const rename = (e: FormEvent) => {
    e.preventDefault();
    if (changed) update.mutate({ key: type.key, label: label.trim() });
  };
  return (
    <li className={`type-row${type.retired ? ' is-retired' : ''}`}>
      <form onSubmit={rename} className="type-row-form">
        <Field
          label={`Name of ${type.key}`}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={update.isError ? describeError(update.error) : undefined}
          hint={
            <>
              Key <span className="key">{type.key}</span>
              {type.retired ? ' · retired: not offered for new events' : ''}
            </>
          }
        />
        <div className="type-row-actions">
          {changed ? (
            <button type="submit" className="btn btn-sm btn-primary" disabled={update.isPending}>
              Rename
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-sm"
            disabled={update.isPending}
            onClick={() => update.mutate({ key: type.key, retired: !type.retired })}
          >
            {type.retired ? 'Restore' : 'Retire'}
          </button>
        </div>
      </form>
    </li>
  );
}

function AddType({ onCreated }: { onCreated: (key: string) => void }) {
  const create = useCreateEventType();
  const [values, setValues] = useState({ key: '', label: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = validateWith(EventTypeCreate, values);
    if (result.errors) return setErrors(result.errors);
    setErrors({});
    create.mutate(result.data, {
      onSuccess: (t) => {
        setValues({ key: '', label: '' });
        onCreated(t.key);
      },
      onError: (err) => {
        if (!isApiError(err)) return;
        setErrors(Object.keys(err.fieldErrors).length > 0 ? err.fieldErrors : { key: err.detail });
      },
    });
  };
  const slug = (label: string) =>
    label
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32);
  return (
    <form onSubmit={submit} className="type-add" noValidate>
      <h3>Add a type</h3>
      <div className="form-grid">
        <Field
          label="New type name"
          value={values.label}
          onChange={(e) => {
            const label = e.target.value;
            setValues((v) => ({ label, key: v.key === '' || v.key === slug(v.label) ? slug(label) : v.key }));
          }}
          error={errors.label}
          placeholder="Festivals"
        />
        <Field
          label="New type key"
          value={values.key}
          onChange={(e) => setValues((v) => ({ ...v, key: e.target.value }))}
          error={errors.key}
          hint="Lowercase, used in links and filters; cannot change later."
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={create.isPending}>
          Add type
        </button>
      </div>
    </form>
  );
}
