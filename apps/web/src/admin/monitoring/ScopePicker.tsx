import type { MonitoringOverview } from '@ticketing/contracts';
import { formatDateTime } from '../../ui/format.ts';

export type Scope = { eventId?: string; sessionId?: string };

/** Narrows a panel to one event and, within it, one session. */
export function ScopePicker({
  overview,
  scope,
  onChange,
}: {
  overview: MonitoringOverview | undefined;
  scope: Scope;
  onChange: (scope: Scope) => void;
}) {
  const events = overview?.events ?? [];
  const event = events.find((e) => e.id === scope.eventId);
  return (
    <>
      <label className="mon-inline-field">
        Event{' '}
        <select
          className="input select"
          value={scope.eventId ?? ''}
          onChange={(e) => onChange(e.target.value ? { eventId: e.target.value } : {})}
        >
          <option value="">All events</option>
          {events.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
      {event && event.sessions.length > 1 ? (
        <label className="mon-inline-field">
          Session{' '}
          <select
            className="input select"
            value={scope.sessionId ?? ''}
            onChange={(e) => onChange({ eventId: event.id, sessionId: e.target.value || undefined })}
          >
            <option value="">All sessions</option>
            {event.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {formatDateTime(s.startsAt)} · {s.venueName}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}
