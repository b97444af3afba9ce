import type { Plan } from '@ticketing/seatmap';
import { useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useAdminEvent } from '../../api/admin/useAdminEvent.ts';
import { useLayout } from '../../api/admin/useLayout.ts';
import { useSession } from '../../api/admin/useSession.ts';
import { useUpdateSession } from '../../api/admin/useUpdateSession.ts';
import { useVenues } from '../../api/admin/useVenues.ts';
import { describeError, isApiError } from '../../api/client.ts';
import { PlanCanvas } from '../../seatmap/PlanCanvas.tsx';
import { ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { StatusBadge } from '../shared/StatusBadge.tsx';
import { formatInZone } from '../shared/zonedTime.ts';
import { type PricedCategory, PriceEditor } from './PriceEditor.tsx';
import { QueuePanel } from './QueuePanel.tsx';
import { SessionActions } from './SessionActions.tsx';
import { SessionFacts } from './SessionFacts.tsx';
import { SessionForm } from './SessionForm.tsx';
import { sessionValuesFrom } from './sessionValues.ts';
import './sessions.css';

function placesPerCategory(plan: Plan | undefined): Map<string, number> {
  const places = new Map<string, number>();
  if (!plan) return places;
  for (const section of plan.sections)
    for (const row of section.rows)
      for (const seat of row.seats) places.set(seat.category, (places.get(seat.category) ?? 0) + 1);
  for (const area of plan.gaAreas)
    places.set(area.category, (places.get(area.category) ?? 0) + area.capacity);
  return places;
}

export function SessionPage() {
  const { eventId = '', sessionId = '' } = useParams();
  const session = useSession(sessionId);
  const event = useAdminEvent(eventId);
  const venues = useVenues();
  const layout = useLayout(session.data?.layoutId);
  const update = useUpdateSession(sessionId);
  const [editing, setEditing] = useState(false);
  const [pricesDirty, setPricesDirty] = useState(false);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const onDirtyChange = useCallback((dirty: boolean) => setPricesDirty(dirty), []);

  const plan = layout.data?.plan;
  const categories: PricedCategory[] = useMemo(() => {
    const places = placesPerCategory(plan);
    return (layout.data?.categories ?? []).map((c) => ({ ...c, places: places.get(c.key) ?? 0 }));
  }, [layout.data, plan]);

  if (session.isPending) return <PageLoading label="Loading the session…" />;
  if (session.isError) {
    return (
      <ErrorAlert>
        {isApiError(session.error, 404) ? 'This session does not exist.' : describeError(session.error)}{' '}
        <Link to={`/admin/events/${eventId}`}>Back to the event</Link>
      </ErrorAlert>
    );
  }
  const s = session.data;
  const venue = venues.data?.find((v) => v.id === s.venueId);
  const tz = venue?.timezone ?? 'UTC';
  const title = event.data?.title ?? 'Event';
  const priced = new Set(s.prices.map((p) => p.categoryKey));
  // A draft has no seat inventory yet (capacity 0): its layout says how many places it will sell.
  const places = s.status === 'draft' ? (layout.data?.capacity ?? s.capacity) : s.capacity;

  return (
    <>
      <title>{`Session ${formatInZone(s.startsAt, tz)} · ${title} · Admin · Ticketing`}</title>
      <PageHeader
        eyebrow={`Session of ${title}`}
        title={venue ? formatInZone(s.startsAt, tz) : 'Session'}
        back={{ to: `/admin/events/${eventId}`, label: title }}
        badges={
          <>
            <StatusBadge status={s.status} />
            <span className="badge badge-accent">{places.toLocaleString()} places</span>
            {venue ? <span className="badge">{venue.name}</span> : null}
          </>
        }
        actions={
          <SessionActions
            session={s}
            pricesDirty={pricesDirty}
            onPricesMissing={() => {
              const keys = categories.filter((c) => !priced.has(c.key)).map((c) => c.key);
              setMissing(keys);
              setPublishError('Set a price for every seating category before publishing.');
            }}
            onPublishError={setPublishError}
          />
        }
      />
      <Notice />
      <div aria-live="assertive">
        {publishError ? (
          <ErrorAlert>
            {publishError}
            {missing.length > 0 ? (
              <>
                {' '}
                Missing:{' '}
                <strong>
                  {missing.map((key) => categories.find((c) => c.key === key)?.label ?? key).join(', ')}
                </strong>
                .
              </>
            ) : null}
          </ErrorAlert>
        ) : null}
      </div>

      {/* Live only once published: a draft has no waiting room to watch. */}
      {s.queueMode !== 'off' && s.status === 'published' ? (
        <QueuePanel sessionId={s.id} timeZone={tz} />
      ) : null}

      <div className="session-grid">
        <section className="card" aria-labelledby="prices-title">
          <div className="card-title">
            <h2 id="prices-title">Prices</h2>
            <span className="muted">
              {priced.size} of {categories.length || '…'} categories priced
            </span>
          </div>
          {layout.isPending ? (
            <PageLoading label="Loading the layout’s categories…" />
          ) : layout.isError ? (
            <ErrorAlert>{describeError(layout.error)}</ErrorAlert>
          ) : (
            <PriceEditor
              sessionId={s.id}
              published={s.status === 'published'}
              categories={categories}
              prices={s.prices}
              missing={missing.filter((k) => !priced.has(k))}
              onDirtyChange={onDirtyChange}
            />
          )}
        </section>

        <section className="card" aria-labelledby="session-details-title">
          <div className="card-title">
            <h2 id="session-details-title">Settings</h2>
            {s.status !== 'cancelled' && !editing ? (
              <button type="button" className="btn btn-sm" onClick={() => setEditing(true)}>
                Edit settings
              </button>
            ) : null}
          </div>
          {editing && venues.data ? (
            <SessionForm
              venues={venues.data}
              initial={sessionValuesFrom(s, tz)}
              lockVenue
              lockLayout={s.status !== 'draft'}
              submitLabel="Save settings"
              busy={update.isPending}
              onSubmit={({ venueId: _venue, layoutId, ...rest }, onError) =>
                update.mutate(s.status === 'draft' ? { ...rest, layoutId } : rest, {
                  onSuccess: () => setEditing(false),
                  onError,
                })
              }
            />
          ) : (
            <SessionFacts session={s} venue={venue} />
          )}
        </section>
      </div>

      {plan ? (
        <section className="admin-section session-plan" aria-labelledby="session-plan-title">
          <h2 id="session-plan-title">Seat plan</h2>
          <PlanCanvas plan={plan} label={`Seat plan of ${layout.data?.name ?? 'the layout'}`} />
        </section>
      ) : null}
    </>
  );
}
