import type { AdminSession, AdminVenue } from '@ticketing/contracts';
import { Link } from 'react-router';
import { formatInZone } from '../shared/zonedTime.ts';

const queueLabels = { off: 'Off', scheduled: 'Scheduled waiting room', auto: 'Automatic waiting room' };

/** "300 a minute · 1,000 at once · 15 min to choose seats": the settings that shape the line. */
function queueSummary(settings: Record<string, unknown>): string {
  const num = (key: string) => (typeof settings[key] === 'number' ? (settings[key] as number) : null);
  const parts = [
    num('outflowPerMinute') === null ? null : `${num('outflowPerMinute')?.toLocaleString()} a minute`,
    num('maxActiveShoppers') === null ? null : `${num('maxActiveShoppers')?.toLocaleString()} at once`,
    num('shoppingMinutes') === null ? null : `${num('shoppingMinutes')} min to choose seats`,
  ];
  return parts.filter(Boolean).join(' · ') || 'default settings';
}

/** The settings of a session at a glance, times at the venue. */
export function SessionFacts({
  session: s,
  venue,
}: {
  session: AdminSession;
  venue: AdminVenue | undefined;
}) {
  const tz = venue?.timezone ?? 'UTC';
  const layout = venue?.layouts.find((l) => l.id === s.layoutId);
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Venue</dt>
          <dd>{venue ? <Link to={`/admin/venues/${venue.id}`}>{venue.name}</Link> : '—'}</dd>
        </div>
        <div>
          <dt>Layout</dt>
          <dd>
            <Link to={`/admin/venues/${s.venueId}/layouts/${s.layoutId}`}>
              {layout ? `${layout.name} · v${layout.version}` : 'Earlier version'}
            </Link>
          </dd>
        </div>
        <div>
          <dt>Starts</dt>
          <dd>{formatInZone(s.startsAt, tz)}</dd>
        </div>
        <div>
          <dt>Ends</dt>
          <dd>{formatInZone(s.endsAt, tz)}</dd>
        </div>
        <div>
          <dt>Sales open</dt>
          <dd>{formatInZone(s.salesOpenAt, tz)}</dd>
        </div>
        <div>
          <dt>Sales close</dt>
          <dd>{formatInZone(s.salesCloseAt, tz)}</dd>
        </div>
        <div>
          <dt>Hold time</dt>
          <dd>{s.holdMinutes} min</dd>
        </div>
        <div>
          <dt>Max per order</dt>
          <dd>{s.maxTicketsPerOrder} tickets</dd>
        </div>
        <div>
          <dt>Cancellation</dt>
          <dd>Until {s.cancelCutoffHours} h before</dd>
        </div>
        <div>
          <dt>Queue</dt>
          <dd>
            {queueLabels[s.queueMode]}
            {s.queueMode === 'off' ? null : <span className="muted"> · {queueSummary(s.queueSettings)}</span>}
          </dd>
        </div>
      </dl>
      <p className="muted admin-footnote">Times at the venue, {tz}.</p>
    </>
  );
}
