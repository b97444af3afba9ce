import type { LayoutCreate } from '@ticketing/contracts';
import { paletteColour } from '@ticketing/seatmap';
import { type FormEvent, useState } from 'react';
import { Field } from '../../ui/Field.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { useDebounced } from '../shared/useDebounced.ts';
import { LayoutPreviewPanel } from './LayoutPreviewPanel.tsx';
import { type CategoryRow, type ProceduralValues, slugKey } from './proceduralValues.ts';
import { RepeatingRows } from './RepeatingRows.tsx';
import { SaveBar, type SaveLayout } from './SaveBar.tsx';
import { computeProceduralPreview, useProceduralPreview } from './useProceduralPreview.ts';

/**
 * Rows × seats with aisles, gaps, missing seats, wheelchair spaces, row labels, numbering and
 * categories by row range. The plan is generated in the browser while typing (the same package the
 * server uses), so the preview and its problems are what saving will give.
 */
export function ProceduralLayoutForm({
  initial,
  save,
  busy,
  submitLabel,
  saveError,
}: {
  initial: ProceduralValues;
  save: SaveLayout;
  busy: boolean;
  submitLabel: string;
  saveError: string | null;
}) {
  const [values, setValues] = useState(initial);
  const [nameError, setNameError] = useState<string>();
  const settled = useDebounced(values, 150);
  const preview = useProceduralPreview(settled);
  const set = <K extends keyof ProceduralValues>(field: K, value: ProceduralValues[K]) =>
    setValues((v) => ({ ...v, [field]: value }));
  const letters = values.labelScheme === 'letters';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const name = values.name.trim();
    setNameError(name ? undefined : 'Give the layout a name, such as Screen 1');
    const current = computeProceduralPreview(values);
    if (!name || current.problems.length > 0 || !current.spec) {
      document.getElementById('layout-problems')?.focus();
      return;
    }
    // The contract keeps the spec opaque (packages/seatmap validates it), hence the cast.
    const spec = current.spec as unknown as Record<string, unknown>;
    const body: LayoutCreate = { kind: 'procedural', name, spec };
    save(body);
  };

  const setCategories = (rows: CategoryRow[]) =>
    set(
      'categories',
      rows.map((row, i) => {
        const before = values.categories[i];
        // The key follows the name until someone edits the key itself.
        const follows = !before || before.key === '' || before.key === slugKey(before.label);
        return follows && before?.label !== row.label ? { ...row, key: slugKey(row.label) } : row;
      }),
    );

  return (
    <div className="layout-editor">
      <form className="admin-form layout-form" onSubmit={submit} noValidate aria-label="Layout settings">
        <Field
          label="Layout name"
          name="name"
          required
          maxLength={80}
          value={values.name}
          onChange={(e) => set('name', e.target.value)}
          error={nameError}
          hint="Shown to admins when scheduling, e.g. Screen 1 or Main hall."
        />
        <fieldset className="admin-fieldset">
          <legend>Rows and seats</legend>
          <div className="form-grid-3">
            <Field
              label="Rows"
              name="rows"
              inputMode="numeric"
              value={values.rows}
              onChange={(e) => set('rows', e.target.value)}
            />
            <Field
              label="Seats per row"
              name="seatsPerRow"
              inputMode="numeric"
              value={values.seatsPerRow}
              onChange={(e) => set('seatsPerRow', e.target.value)}
            />
            <Field
              label="Aisles after seats"
              name="aisles"
              placeholder="10"
              value={values.aisles}
              onChange={(e) => set('aisles', e.target.value)}
              hint="Seat positions from the left, e.g. 4, 16"
            />
          </div>
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>Labels and numbering</legend>
          <div className="form-grid-3">
            <SelectField
              label="Row labels"
              value={values.labelScheme}
              onChange={(e) => set('labelScheme', e.target.value as ProceduralValues['labelScheme'])}
              hint={letters ? 'A … Z, then AA, AB' : '1, 2, 3 …'}
            >
              <option value="letters">Letters</option>
              <option value="numbers">Numbers</option>
            </SelectField>
            <Field
              label={letters ? 'Skipped letters' : 'Skipped numbers'}
              value={values.skip}
              onChange={(e) => set('skip', e.target.value)}
              hint={letters ? 'Letters never used, e.g. I, O' : 'e.g. 13'}
            />
            <Field
              label="First row label"
              value={values.start}
              placeholder={letters ? 'A' : '1'}
              onChange={(e) => set('start', e.target.value)}
            />
            <SelectField
              label="Seat numbering"
              value={values.numbering}
              onChange={(e) => set('numbering', e.target.value as ProceduralValues['numbering'])}
              hint="As seen from the seats, facing the screen."
            >
              <option value="left-to-right">Left to right</option>
              <option value="right-to-left">Right to left</option>
            </SelectField>
          </div>
        </fieldset>
        <RepeatingRows
          legend="Categories by rows"
          hint="Every row needs exactly one category; each is priced separately per session."
          item="Category"
          columns={[
            { field: 'label', label: 'Name', width: 'minmax(6rem, 1.4fr)' },
            { field: 'key', label: 'Key', width: 'minmax(5rem, 1fr)' },
            { field: 'color', label: 'Colour', type: 'color', width: '3.25rem' },
            { field: 'from', label: 'From row', width: '4.5rem' },
            { field: 'to', label: 'To row', width: '4.5rem' },
          ]}
          rows={values.categories}
          onChange={setCategories}
          newRow={() => ({
            label: '',
            key: '',
            color: paletteColour(values.categories.length),
            from: '',
            to: '',
          })}
          addLabel="Add category"
        />
        <RepeatingRows
          legend="Wheelchair spaces"
          hint="Seats beside a space become companion seats."
          item="Wheelchair"
          columns={[
            { field: 'row', label: 'Row', width: '5rem' },
            { field: 'seats', label: 'Seats', placeholder: '1, 2, 19, 20' },
          ]}
          rows={values.wheelchair}
          onChange={(rows) => set('wheelchair', rows)}
          newRow={() => ({ row: '', seats: '' })}
          addLabel="Add wheelchair spaces"
        />
        <RepeatingRows
          legend="Gaps"
          hint="Runs of positions without seats: pillars, shorter rows, a mixing desk."
          item="Gap"
          columns={[
            { field: 'row', label: 'Row', width: '5rem' },
            { field: 'from', label: 'From seat', inputMode: 'numeric' },
            { field: 'to', label: 'To seat', inputMode: 'numeric' },
          ]}
          rows={values.gaps}
          onChange={(rows) => set('gaps', rows)}
          newRow={() => ({ row: '', from: '', to: '' })}
          addLabel="Add gap"
        />
        <RepeatingRows
          legend="Missing seats"
          hint="Single seats that do not exist; positions count from the left."
          item="Missing"
          columns={[
            { field: 'row', label: 'Row', width: '5rem' },
            { field: 'seats', label: 'Seats', placeholder: '3, 7-8' },
          ]}
          rows={values.missing}
          onChange={(rows) => set('missing', rows)}
          newRow={() => ({ row: '', seats: '' })}
          addLabel="Add missing seats"
        />
        <SaveBar busy={busy} label={submitLabel} error={saveError} />
      </form>
      <LayoutPreviewPanel
        name={values.name || 'New layout'}
        plan={preview.plan}
        problems={preview.problems}
        stale={preview.stale}
      />
    </div>
  );
}
