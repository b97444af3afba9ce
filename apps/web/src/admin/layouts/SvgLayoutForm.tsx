import { type LayoutCreate, SvgLayoutCreate } from '@ticketing/contracts';
import { type Category, paletteColour } from '@ticketing/seatmap';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { validateWith } from '../../auth/fieldErrors.ts';
import { Field } from '../../ui/Field.tsx';
import { FieldShell } from '../shared/FieldShell.tsx';
import { LayoutPreviewPanel } from './LayoutPreviewPanel.tsx';
import { slugKey } from './proceduralValues.ts';
import { RepeatingRows } from './RepeatingRows.tsx';
import { readSvg, SVG_MAX_BYTES, type SvgReading } from './readSvg.ts';
import { SaveBar, type SaveLayout } from './SaveBar.tsx';
import { SectionMapping } from './SectionMapping.tsx';
import { useSvgPreview } from './useSvgPreview.ts';

type CategoryValues = { key: string; label: string; color: string };
type Upload = { id: number; fileName: string; svg: string; reading: SvgReading };

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** Default section mapping: every section with uncategorised seats gets the first category. */
function defaultMapping(reading: SvgReading, categories: CategoryValues[], previous: Record<string, string>) {
  const keys = new Set(categories.map((c) => c.key));
  const first = categories[0]?.key ?? '';
  return Object.fromEntries(
    reading.sections
      .filter((s) => s.needCategory > 0)
      .map((s) => [s.id, keys.has(previous[s.id] ?? '') ? previous[s.id]! : first]),
  );
}

/**
 * Upload an SVG drawing, define price categories, map sections to them, and see the server's
 * preview (sanitized background, seats, warnings) before saving.
 */
export function SvgLayoutForm({
  initialName,
  initialCategories,
  save,
  busy,
  submitLabel,
  saveError,
}: {
  initialName: string;
  initialCategories: Category[];
  save: SaveLayout;
  busy: boolean;
  submitLabel: string;
  saveError: string | null;
}) {
  const [name, setName] = useState(initialName);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [reading, setReading] = useState<'idle' | 'reading'>('idle');
  const [fileError, setFileError] = useState<string>();
  const [categories, setCategories] = useState<CategoryValues[]>(
    initialCategories.length > 0
      ? initialCategories.map(({ key, label, color }) => ({ key, label, color }))
      : [{ key: 'standard', label: 'Standard', color: paletteColour(0) }],
  );
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const body: LayoutCreate | null = upload
    ? {
        kind: 'svg',
        name: name.trim() || 'Preview',
        svg: upload.svg,
        categories,
        sectionCategories: mapping,
      }
    : null;
  const preview = useSvgPreview(body, upload?.id ?? 0);

  const chooseFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setFileError(undefined);
    setUpload(null);
    if (!file) return;
    if (file.size > SVG_MAX_BYTES) {
      setFileError(`The file is ${mib(file.size)}; the limit is ${mib(SVG_MAX_BYTES)}.`);
      return;
    }
    setReading('reading');
    const svg = await file.text();
    // Let the "Reading…" state paint before a large drawing blocks the thread for a moment.
    await new Promise((r) => setTimeout(r, 16));
    const result = readSvg(svg);
    setReading('idle');
    if ('error' in result) {
      setFileError(sentence(result.error));
      return;
    }
    // A drawing that defines its own categories (a legend) brings them along.
    const drawn = result.categories.map(({ key, label, color }) => ({ key, label, color }));
    const next = drawn.length > 0 ? drawn : categories;
    if (drawn.length > 0) setCategories(drawn);
    setMapping((m) => defaultMapping(result, next, m));
    setUpload({ id: Date.now(), fileName: file.name, svg, reading: result });
    if (!name.trim()) setName(file.name.replace(/\.svg$/i, ''));
  };

  const changeCategories = (rows: CategoryValues[]) => {
    const next = rows.map((row, i) => {
      const before = categories[i];
      const follows = !before || before.key === '' || before.key === slugKey(before.label);
      return follows && before?.label !== row.label ? { ...row, key: slugKey(row.label) } : row;
    });
    setCategories(next);
    if (upload) setMapping((m) => defaultMapping(upload.reading, next, m));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: string[] = [];
    if (!name.trim()) problems.push('Give the layout a name.');
    if (!upload) problems.push('Choose the SVG file of the drawing.');
    const result = validateWith(SvgLayoutCreate, { ...body, name: name.trim() });
    if (result.errors) problems.push(...Object.values(result.errors).filter((m): m is string => Boolean(m)));
    setFormErrors([...new Set(problems)]);
    if (problems.length > 0 || !result.data) return;
    save(result.data);
  };

  const problems = [...(fileError ? [fileError] : []), ...formErrors, ...preview.problems];

  return (
    <div className="layout-editor">
      <form className="admin-form layout-form" onSubmit={submit} noValidate aria-label="Layout settings">
        <Field
          label="Layout name"
          name="name"
          required
          maxLength={80}
          value={name}
          onChange={(e) => setName(e.target.value)}
          hint="Shown to admins when scheduling, e.g. Stadium bowl."
        />
        <FieldShell
          label="SVG file"
          error={fileError}
          hint={
            upload
              ? `${upload.fileName}: ${upload.reading.seats.toLocaleString()} seats in ${upload.reading.sections.length} sections.`
              : 'Seats are elements with data-seat-id (and optionally data-row, data-section, data-category); sections have data-section-id and data-label. Up to 10 MiB.'
          }
        >
          {(control) => (
            <input
              {...control}
              className="input file-input"
              type="file"
              name="svg"
              accept=".svg,image/svg+xml"
              onChange={chooseFile}
            />
          )}
        </FieldShell>
        {reading === 'reading' ? (
          <p className="muted" role="status">
            Reading the drawing…
          </p>
        ) : null}
        <RepeatingRows
          legend="Price categories"
          hint="Each category gets its own price per session."
          item="Category"
          columns={[
            { field: 'label', label: 'Name', width: 'minmax(7rem, 1.5fr)' },
            { field: 'key', label: 'Key', width: 'minmax(5rem, 1fr)' },
            { field: 'color', label: 'Colour', type: 'color', width: '3.25rem' },
          ]}
          rows={categories}
          onChange={changeCategories}
          newRow={() => ({ label: '', key: '', color: paletteColour(categories.length) })}
          addLabel="Add category"
        />
        {upload ? (
          <SectionMapping
            sections={upload.reading.sections}
            categories={categories}
            mapping={mapping}
            onChange={(sectionId, key) => setMapping((m) => ({ ...m, [sectionId]: key }))}
          />
        ) : null}
        <SaveBar busy={busy} label={submitLabel} error={saveError} />
      </form>
      <LayoutPreviewPanel
        name={name || 'New layout'}
        plan={preview.plan}
        problems={problems}
        stale={preview.stale}
        status={upload ? preview.status : 'Choose a file to see it'}
      >
        {preview.warnings.length > 0 ? (
          <div className="alert alert-info" role="note">
            <div>
              <strong>Warnings</strong>
              <ul className="problem-list">
                {preview.warnings.map((w) => (
                  <li key={w}>{sentence(w)}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
      </LayoutPreviewPanel>
    </div>
  );
}
