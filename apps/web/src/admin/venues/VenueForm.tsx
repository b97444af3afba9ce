import { type AdminVenue, VenueCreate } from '@ticketing/contracts';
import { type FormEvent, useId, useMemo, useRef, useState } from 'react';
import type { VenueBody } from '../../api/admin/useCreateVenue.ts';
import { describeError, type FieldErrors, isApiError } from '../../api/client.ts';
import { validateWith } from '../../auth/fieldErrors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { focusFirstError } from '../shared/formErrors.ts';
import { describeZone } from '../shared/zonedTime.ts';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function VenueForm({
  venue,
  submitLabel,
  busy,
  onSubmit,
}: {
  venue?: AdminVenue;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: VenueBody, onError: (err: unknown) => void) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const zonesId = useId();
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  const [values, setValues] = useState<VenueBody>({
    name: venue?.name ?? '',
    address: venue?.address ?? '',
    city: venue?.city ?? '',
    country: venue?.country ?? '',
    timezone: venue?.timezone ?? browserZone(),
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (field: keyof VenueBody) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const zoneKnown = zones.includes(values.timezone.trim()) || values.timezone.trim() === 'UTC';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const result = validateWith(VenueCreate, values);
    if (result.errors) {
      setErrors(result.errors);
      focusFirstError(form.current, result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.data, (err) => {
      if (isApiError(err)) {
        setErrors(err.fieldErrors);
        focusFirstError(form.current, err.fieldErrors);
      }
      setFormError(describeError(err));
    });
  };

  return (
    <form ref={form} className="admin-form" onSubmit={submit} noValidate>
      <div className="form-status" aria-live="polite">
        {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
      </div>
      <div className="form-grid">
        <Field
          label="Name"
          name="name"
          required
          value={values.name}
          onChange={set('name')}
          error={errors.name}
        />
        <Field
          label="Address"
          name="address"
          required
          autoComplete="street-address"
          value={values.address}
          onChange={set('address')}
          error={errors.address}
        />
        <Field
          label="City"
          name="city"
          required
          autoComplete="address-level2"
          value={values.city}
          onChange={set('city')}
          error={errors.city}
        />
        <Field
          label="Country"
          name="country"
          autoComplete="country-name"
          value={values.country}
          onChange={set('country')}
          error={errors.country}
        />
        <Field
          label="Time zone"
          name="timezone"
          required
          list={zonesId}
          spellCheck={false}
          value={values.timezone}
          onChange={set('timezone')}
          error={errors.timezone}
          hint={
            zoneKnown
              ? `${describeZone(values.timezone.trim())}. Session times at this venue are entered and shown in it.`
              : 'An IANA name such as Europe/Lisbon; start typing to pick one.'
          }
        />
        <datalist id={zonesId}>
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? <span className="spinner" aria-hidden="true" /> : null}
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
