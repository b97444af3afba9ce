import { useNavigate, useParams } from 'react-router';
import { useAdminEvent } from '../../api/admin/useAdminEvent.ts';
import { useCreateSession } from '../../api/admin/useCreateSession.ts';
import { useVenues } from '../../api/admin/useVenues.ts';
import { describeError } from '../../api/client.ts';
import { ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { SessionForm } from './SessionForm.tsx';
import { newSessionValues } from './sessionValues.ts';

export function SessionCreatePage() {
  const { eventId = '' } = useParams();
  const event = useAdminEvent(eventId);
  const venues = useVenues();
  const create = useCreateSession(eventId);
  const navigate = useNavigate();
  const title = event.data?.title ?? 'Event';

  return (
    <>
      <title>{`New session · ${title} · Admin · Ticketing`}</title>
      <PageHeader
        eyebrow={title}
        title="New session"
        back={{ to: `/admin/events/${eventId}`, label: title }}
        lead="One showtime: where, when, how sales run. Prices come next."
      />
      {venues.isPending ? (
        <PageLoading label="Loading venues…" />
      ) : venues.isError ? (
        <ErrorAlert>{describeError(venues.error)}</ErrorAlert>
      ) : (
        <section className="card" aria-label="Session settings">
          <SessionForm
            venues={venues.data}
            initial={newSessionValues()}
            submitLabel="Create session"
            busy={create.isPending}
            onSubmit={(body, onError) =>
              create.mutate(body, {
                onSuccess: (session) =>
                  navigate(`/admin/events/${eventId}/sessions/${session.id}`, {
                    state: { notice: 'Session created as a draft. Set its prices, then publish it.' },
                  }),
                onError,
              })
            }
          />
        </section>
      )}
    </>
  );
}
