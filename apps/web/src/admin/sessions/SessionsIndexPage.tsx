import { useState } from 'react';
import { useAdminEvents } from '../../api/admin/useAdminEvents.ts';
import { useEventTypes } from '../../api/admin/useEventTypes.ts';
import { describeError } from '../../api/client.ts';
import { ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { EventsTable } from '../events/EventsTable.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { useDebounced } from '../shared/useDebounced.ts';

/** Sessions belong to an event: pick the event whose showtimes, prices and queue settings to manage. */
export function SessionsIndexPage() {
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const events = useAdminEvents({ q, pageSize: 100 });
  const types = useEventTypes();
  return (
    <>
      <title>Sessions · Admin · Ticketing</title>
      <PageHeader
        eyebrow="Admin"
        title="Sessions"
        lead="Sessions are scheduled on their event’s page: choose the event whose showtimes, prices and waiting room you want to manage."
      />
      <search className="admin-toolbar">
        <Field
          label="Find an event"
          type="search"
          value={text}
          placeholder="Title, tag or description"
          onChange={(e) => setText(e.target.value)}
        />
      </search>
      {events.isPending ? (
        <PageLoading label="Loading events…" />
      ) : events.isError ? (
        <ErrorAlert>{describeError(events.error)}</ErrorAlert>
      ) : (
        <EventsTable
          events={events.data.items}
          types={types.data}
          caption="Events and their sessions"
          linkSuffix="#sessions"
        />
      )}
    </>
  );
}
