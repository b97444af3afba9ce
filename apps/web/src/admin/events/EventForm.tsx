import { type AdminEvent, EventCreate } from '@ticketing/contracts';
import { type ChangeEvent, type FormEvent, useRef, useState } from 'react';
import { useEventTypes } from '../../api/admin/useEventTypes.ts';
import { useUploadImage } from '../../api/admin/useUploadImage.ts';
import { describeError, type FieldErrors, isApiError } from '../../api/client.ts';
import { validateWith } from '../../auth/fieldErrors.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { focusFirstError } from '../shared/formErrors.ts';
import { SelectField } from '../shared/SelectField.tsx';
import { TextAreaField } from '../shared/TextAreaField.tsx';
import { EventTypesDialog } from './EventTypesDialog.tsx';

type Values = { title: string; typeKey: string; description: string; imageUrl: string; tags: string };

const toValues = (e?: AdminEvent): Values => ({
  title: e?.title ?? '',
  typeKey: e?.typeKey ?? '',
  description: e?.description ?? '',
  imageUrl: e?.imageUrl ?? '',
  tags: e?.tags.join(', ') ?? '',
});

export const parseTags = (text: string) => [
  ...new Set(
    text
      .split(',')
      .map((t) => t.trim().toLowerCase())
      .filter(Boolean),
  ),
];

/** Create or edit an event's public details. Retired types stay selectable only on events that have them. */
export function EventForm({
  event,
  submitLabel,
  busy,
  onSubmit,
}: {
  event?: AdminEvent;
  submitLabel: string;
  busy: boolean;
  onSubmit: (body: EventCreate, onError: (err: unknown) => void) => void;
}) {
  const form = useRef<HTMLFormElement>(null);
  const types = useEventTypes();
  const [values, setValues] = useState<Values>(() => toValues(event));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [typesOpen, setTypesOpen] = useState(false);

  const set = (field: keyof Values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const tags = parseTags(values.tags);
  const selectable = (types.data ?? []).filter((t) => !t.retired || t.key === event?.typeKey);
  const image = /^(https?:\/\/\S+|\/uploads\/\S+)$/.test(values.imageUrl.trim())
    ? values.imageUrl.trim()
    : null;
  const upload = useUploadImage();
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    upload.mutate(file, {
      onSuccess: (url) => {
        setValues((v) => ({ ...v, imageUrl: url }));
        setErrors((x) => ({ ...x, imageUrl: undefined }));
      },
      onError: (err) => setErrors((x) => ({ ...x, imageUrl: err.message })),
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const result = validateWith(EventCreate, {
      title: values.title,
      typeKey: values.typeKey,
      description: values.description,
      imageUrl: values.imageUrl.trim() || null,
      tags,
    });
    if (result.errors) {
      setErrors(result.errors);
      focusFirstError(form.current, result.errors);
      return;
    }
    setErrors({});
    onSubmit(result.data, (err) => {
      if (isApiError(err) && Object.keys(err.fieldErrors).length > 0) {
        setErrors(err.fieldErrors);
        focusFirstError(form.current, err.fieldErrors);
      }
      setFormError(describeError(err));
    });
  };

  return (
    <>
      <form ref={form} className="admin-form" onSubmit={submit} noValidate>
        <div className="form-status" aria-live="polite">
          {formError ? <ErrorAlert>{formError}</ErrorAlert> : null}
        </div>
        <div className="form-grid">
          <div className="span-2">
            <Field
              label="Title"
              name="title"
              required
              maxLength={160}
              value={values.title}
              onChange={set('title')}
              error={errors.title}
            />
          </div>
          <div className="event-type-field">
            <SelectField
              label="Type"
              name="typeKey"
              required
              value={values.typeKey}
              onChange={set('typeKey')}
              error={errors.typeKey ?? (types.isError ? describeError(types.error) : undefined)}
            >
              <option value="">{types.isPending ? 'Loading types…' : 'Choose a type'}</option>
              {selectable.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                  {t.retired ? ' (retired)' : ''}
                </option>
              ))}
            </SelectField>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setTypesOpen(true)}>
              Manage types
            </button>
          </div>
          <Field
            label="Tags"
            name="tags"
            value={values.tags}
            onChange={set('tags')}
            error={errors.tags}
            hint={
              tags.length > 0 ? (
                <span className="tag-list">
                  {tags.map((t) => (
                    <span key={t} className="badge">
                      {t}
                    </span>
                  ))}
                </span>
              ) : (
                'Comma-separated, for search: jazz, outdoor, family'
              )
            }
          />
          <TextAreaField
            label="Description"
            name="description"
            value={values.description}
            onChange={set('description')}
            error={errors.description}
            maxLength={10_000}
            className="span-2"
          />
          <div className="image-field span-2">
            <Field
              label="Image URL"
              name="imageUrl"
              inputMode="url"
              placeholder="https://… or upload below"
              value={values.imageUrl}
              onChange={set('imageUrl')}
              error={errors.imageUrl}
              hint="An http(s) address or an uploaded image; wide images (16:9) work best."
            />
            <label className="image-upload">
              <span>
                {upload.isPending ? 'Uploading…' : 'Upload an image (PNG, JPEG or WebP, up to 5 MB)'}
              </span>
              <input
                type="file"
                accept="image/png,image/jpeg,image/webp"
                onChange={onFile}
                disabled={upload.isPending}
              />
            </label>
            {image ? <img className="image-preview" src={image} alt="" /> : null}
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? <span className="spinner" aria-hidden="true" /> : null}
            {submitLabel}
          </button>
        </div>
      </form>
      <EventTypesDialog
        open={typesOpen}
        onClose={() => setTypesOpen(false)}
        onCreated={(key) => setValues((v) => ({ ...v, typeKey: key }))}
      />
    </>
  );
}
