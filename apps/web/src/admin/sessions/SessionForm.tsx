import type { AdminVenue, SessionCreate } from '@ticketing/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { describeError, type FieldErrors, isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { focusFirstError } from '../shared/formErrors.ts';
import { SelectField } from '../shared/SelectField.tsx';
import { describeZone } from '../shared/zonedTime.ts';
import { QueueFields } from './QueueFields.tsx';
import { addHoursToWallTime, type SessionValues, sessionBody } from './sessionValues.ts';

export function SessionForm({
  venues,
  initial,
  lockVenue = false,
  lockLayout = false,
  submitLabel,
  busy,
  onSubmit,
}: {
  venues: AdminVenue[];
  initial: SessionValues;
  lockVenue?: boolean;
  lockLayout?: boolean;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: SessionCreate, onError: (err: unknown) => void) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const venue = venues.find((v) => v.id === values.venueId);
  const timeZone = venue?.timezone ?? 'UTC';
  const set = (field: keyof SessionValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  const chooseVenue = (venueId: string) => {
    const next = venues.find((v) => v.id === venueId);
    setValues((v) => ({ ...v, venueId, layoutId: next?.layouts[0]?.id ?? '' }));
  };
  const chooseStart = (startsAt: string) =>
    setValues((v) => ({ ...v, startsAt, endsAt: v.endsAt || addHoursToWallTime(startsAt, 2) }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const result = sessionBody(values, timeZone);
    if (result.errors) {
      setErrors(result.errors);
      focusFirstError(form.current, result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.body, (err) => {
      if (isApiError(err)) {
        setErrors(err.fieldErrors);
        focusFirstError(form.current, err.fieldErrors);
      }
      setFormError(describeError(err));
    });
  };

  const time = (
    field: 'startsAt' | 'endsAt' | 'salesOpenAt' | 'salesCloseAt',
    label: string,
    hint?: string,
  ) => (
    <Field
      label={label}
      name={field}
      type="datetime-local"
      value={values[field]}
      onChange={field === 'startsAt' ? (e) => chooseStart(e.target.value) : set(field)}
      error={errors[field]}
      hint={hint}
    />
  );

  return (
    <form ref={form} className="admin-form" onSubmit={submit} noValidate>
      <div className="form-status" aria-live="polite">
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      </div>
      <fieldset className="admin-fieldset">
        <legend>Where</legend>
        <div className="form-grid">
          <SelectField
            label="Venue"
            name="venueId"
            value={values.venueId}
            disabled={lockVenue}
            onChange={(e) => chooseVenue(e.target.value)}
            error={errors.venueId}
            hint={lockVenue ? 'A session stays at its venue.' : undefined}
          >
            <option value="">Choose a venue</option>
            {venues.map((v) => (
              <option key={v.id} value={v.id} disabled={v.layouts.length === 0}>
                {v.name}, {v.city}
                {v.layouts.length === 0 ? ' (no layout yet)' : ''}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Layout"
            name="layoutId"
            value={values.layoutId}
            disabled={!venue || lockLayout}
            onChange={set('layoutId')}
            error={errors.layoutId}
            hint={
              lockLayout
                ? 'Seats are on sale from this layout; it cannot change.'
                : 'The current version of each layout of the venue.'
            }
          >
            {venue ? null : <option value="">Choose a venue first</option>}
            {venue?.layouts.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name} · v{l.version} · {l.capacity.toLocaleString()} places
              </option>
            ))}
            {venue && !venue.layouts.some((l) => l.id === values.layoutId) && values.layoutId ? (
              <option value={values.layoutId}>Earlier version (kept by this session)</option>
            ) : null}
          </SelectField>
        </div>
      </fieldset>

      <fieldset className="admin-fieldset">
        <legend>When</legend>
        <p className="fieldset-hint" id="session-zone">
          {venue
            ? `Times are at the venue: ${describeZone(timeZone)}.`
            : 'Choose a venue first: times are entered in its time zone.'}
        </p>
        <div className="form-grid">
          {time('startsAt', 'Starts')}
          {time('endsAt', 'Ends')}
          {time('salesOpenAt', 'Sales open')}
          {time('salesCloseAt', 'Sales close', 'Leave empty to close sales when the session starts.')}
        </div>
      </fieldset>

      <fieldset className="admin-fieldset">
        <legend>Booking rules</legend>
        <div className="form-grid-3">
          <Field
            label="Hold time (minutes)"
            name="holdMinutes"
            type="number"
            min={1}
            max={60}
            value={values.holdMinutes}
            onChange={set('holdMinutes')}
            error={errors.holdMinutes}
            hint="How long chosen seats are kept during checkout, 1–60."
          />
          <Field
            label="Max tickets per order"
            name="maxTicketsPerOrder"
            type="number"
            min={1}
            max={100}
            value={values.maxTicketsPerOrder}
            onChange={set('maxTicketsPerOrder')}
            error={errors.maxTicketsPerOrder}
          />
          <Field
            label="Cancellation cut-off (hours)"
            name="cancelCutoffHours"
            type="number"
            min={0}
            value={values.cancelCutoffHours}
            onChange={set('cancelCutoffHours')}
            error={errors.cancelCutoffHours}
            hint="Buyers can cancel until this many hours before the start."
          />
        </div>
      </fieldset>

      <QueueFields values={values} errors={errors} set={set} />

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
