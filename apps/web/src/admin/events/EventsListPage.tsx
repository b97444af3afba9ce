import { EventStatus } from '@ticketing/contracts';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAdminEvents } from '../../api/admin/useAdminEvents.ts';
import { useEventTypes } from '../../api/admin/useEventTypes.ts';
import { describeError } from '../../api/client.ts';
import { EmptyState, ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { Field } from '../../ui/Field.tsx';
import { TicketIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { SelectField } from '../shared/SelectField.tsx';
import { useDebounced } from '../shared/useDebounced.ts';
import { EventsTable } from './EventsTable.tsx';

const PAGE_SIZE = 25;
const statusLabels = { draft: 'Drafts', published: 'Published', cancelled: 'Cancelled', ended: 'Ended' };

/** Every event, drafts included; search, status filter and page live in the URL. */
export function EventsListPage() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(params.get('q') ?? '');
  const q = useDebounced(text.trim(), 250);

  const update = (changes: Record<string, string>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes))
          if (v) next.set(k, v);
          else next.delete(k);
        return next;
      },
      { replace: true },
    );

  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled search text changes the URL
  useEffect(() => {
    if (q !== (params.get('q') ?? '')) update({ q, page: '' });
  }, [q]);

  const events = useAdminEvents({ q: params.get('q') ?? '', status, page, pageSize: PAGE_SIZE });
  const types = useEventTypes();
  const data = events.data;
  const first = data ? (data.page - 1) * data.pageSize + 1 : 0;
  const last = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <>
      <title>Events · Admin · Ticketing</title>
      <PageHeader
        eyebrow="Admin"
        title="Events"
        lead="Drafts, published, cancelled and ended events. Publish an event once its sessions have prices."
        actions={
          <Link to="/admin/events/new" className="btn btn-primary">
            New event
          </Link>
        }
      />
      <search className="admin-toolbar">
        <Field
          label="Search events"
          type="search"
          name="q"
          value={text}
          placeholder="Title, tag or description"
          onChange={(e) => setText(e.target.value)}
        />
        <SelectField
          label="Status"
          name="status"
          value={status}
          onChange={(e) => update({ status: e.target.value, page: '' })}
        >
          <option value="">All statuses</option>
          {EventStatus.options.map((s) => (
            <option key={s} value={s}>
              {statusLabels[s]}
            </option>
          ))}
        </SelectField>
      </search>

      {events.isPending ? (
        <PageLoading label="Loading events…" />
      ) : events.isError ? (
        <ErrorAlert>{describeError(events.error)}</ErrorAlert>
      ) : data && data.items.length === 0 ? (
        <EmptyState
          icon={<TicketIcon />}
          title={q || status ? 'No events match' : 'No events yet'}
          action={
            q || status ? (
              <button
                type="button"
                className="btn"
                onClick={() => {
                  setText('');
                  update({ q: '', status: '', page: '' });
                }}
              >
                Clear filters
              </button>
            ) : (
              <Link to="/admin/events/new" className="btn btn-primary">
                Create the first event
              </Link>
            )
          }
        >
          {q || status ? 'Try another search or status.' : 'Events you create start as drafts.'}
        </EmptyState>
      ) : data ? (
        <>
          <EventsTable events={data.items} types={types.data} caption="Events" />
          <nav className="admin-pager" aria-label="Pages of events">
            <p className="muted" aria-live="polite">
              {first}–{last} of {data.total}
            </p>
            <div className="form-actions">
              <button
                type="button"
                className="btn btn-sm"
                disabled={page <= 1}
                onClick={() => update({ page: String(page - 1) })}
              >
                Previous
              </button>
              <button
                type="button"
                className="btn btn-sm"
                disabled={last >= data.total}
                onClick={() => update({ page: String(page + 1) })}
              >
                Next
              </button>
            </div>
          </nav>
        </>
      ) : null}
    </>
  );
}
