import type { MonitoringOverview, RegistrationBucket } from '@ticketing/contracts';
import { useMemo, useState } from 'react';
import { describeError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Feedback.tsx';
import { PALETTE, timeOptions } from './chartOptions.ts';
import { integer } from './format.ts';
import { type Scope, ScopePicker } from './ScopePicker.tsx';
import {
  autoBucket,
  BUCKET_MS,
  bucketFits,
  fromLocalInput,
  PRESETS,
  type PresetKey,
  presetRange,
  toLocalInput,
} from './timeRange.ts';
import { UPlotChart } from './UPlotChart.tsx';
import { useRegistrations } from './useMonitoring.ts';

const TZ = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const BUCKETS: RegistrationBucket[] = ['minute', 'hour', 'day'];

const SPECS = [
  { label: 'Tickets issued', color: PALETTE[2], bars: true },
  { label: 'Orders placed', color: PALETTE[0] },
  { label: 'Orders paid', color: PALETTE[1], dash: [6, 4] },
];

/** Orders and tickets over time, per event and session, in the viewer's time zone. */
export function RegistrationsPanel({
  overview,
  live,
  now,
}: {
  overview: MonitoringOverview | undefined;
  live: boolean;
  /** The page's clock, ticking once a minute: preset ranges follow it. */
  now: number;
}) {
  const [preset, setPreset] = useState<PresetKey>('24h');
  const [custom, setCustom] = useState(() => presetRange(86_400_000, now));
  const [bucketChoice, setBucketChoice] = useState<RegistrationBucket | 'auto'>('auto');
  const [scope, setScope] = useState<Scope>({});

  const range = preset === 'custom' ? custom : presetRange(PRESETS.find((p) => p.key === preset)!.ms, now);
  const span = Date.parse(range.to) - Date.parse(range.from);
  const bucket = bucketChoice !== 'auto' && bucketFits(bucketChoice, span) ? bucketChoice : autoBucket(span);
  const query = useRegistrations({ ...range, bucket, tz: TZ, ...scope }, live && preset !== 'custom');
  const series = query.data;

  const data = useMemo(() => {
    const points = series?.points ?? [];
    return [
      points.map((p) => Date.parse(p.t) / 1000 + BUCKET_MS[series!.bucket] / 2000),
      points.map((p) => p.tickets),
      points.map((p) => p.orders),
      points.map((p) => p.paidOrders),
    ] as [number[], number[], number[], number[]];
  }, [series]);

  return (
    <section className="mon-panel" aria-labelledby="mon-registrations">
      <div className="mon-panel-head">
        <h2 id="mon-registrations">Registrations over time</h2>
        {series ? (
          <p className="mon-totals" data-testid="registrations-totals">
            <strong>{integer(series.totals.orders)}</strong> orders ·{' '}
            <strong>{integer(series.totals.paidOrders)}</strong> paid ·{' '}
            <strong>{integer(series.totals.tickets)}</strong> tickets
          </p>
        ) : null}
      </div>
      <div className="mon-toolbar">
        <fieldset className="mon-segmented">
          <legend className="visually-hidden">Time range</legend>
          {[...PRESETS.map((p) => [p.key, p.label] as const), ['custom', 'Custom'] as const].map(
            ([key, label]) => (
              <label key={key} className={preset === key ? 'is-on' : undefined}>
                <input
                  type="radio"
                  name="mon-range"
                  value={key}
                  checked={preset === key}
                  onChange={() => setPreset(key)}
                />
                {label}
              </label>
            ),
          )}
        </fieldset>
        {preset === 'custom' ? (
          <span className="mon-custom-range">
            <label>
              From{' '}
              <input
                className="input"
                type="datetime-local"
                value={toLocalInput(custom.from)}
                onChange={(e) => {
                  const from = fromLocalInput(e.target.value);
                  if (from && from < custom.to) setCustom({ ...custom, from });
                }}
              />
            </label>
            <label>
              To{' '}
              <input
                className="input"
                type="datetime-local"
                value={toLocalInput(custom.to)}
                onChange={(e) => {
                  const to = fromLocalInput(e.target.value);
                  if (to && to > custom.from) setCustom({ ...custom, to });
                }}
              />
            </label>
          </span>
        ) : null}
        <label className="mon-inline-field">
          Per{' '}
          <select
            className="input select"
            value={bucketChoice}
            onChange={(e) => setBucketChoice(e.target.value as RegistrationBucket | 'auto')}
          >
            <option value="auto">auto ({bucket})</option>
            {BUCKETS.map((b) => (
              <option key={b} value={b} disabled={!bucketFits(b, span)}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <ScopePicker overview={overview} scope={scope} onChange={setScope} />
      </div>
      {query.isError ? <ErrorAlert>{describeError(query.error)}</ErrorAlert> : null}
      <UPlotChart
        label={`Orders and tickets per ${bucket}`}
        shapeKey={`registrations-${bucket}`}
        options={timeOptions(SPECS, { yLabel: `per ${bucket}` })}
        data={data}
        height={260}
      />
      <p className="muted mon-note">
        Times in {TZ}. Orders placed count every order, whatever its outcome; tickets count when issued.
      </p>
    </section>
  );
}
