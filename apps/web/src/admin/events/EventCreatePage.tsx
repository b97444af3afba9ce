import { useNavigate } from 'react-router';
import { useCreateEvent } from '../../api/admin/useCreateEvent.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { EventForm } from './EventForm.tsx';
import './events.css';

export function EventCreatePage() {
  const create = useCreateEvent();
  const navigate = useNavigate();
  return (
    <>
      <title>New event · Admin · Ticketing</title>
      <PageHeader
        eyebrow="Events"
        title="New event"
        back={{ to: '/admin/events', label: 'All events' }}
        lead="It starts as a draft: add sessions and prices, then publish it."
      />
      <section className="card" aria-label="Event details">
        <EventForm
          submitLabel="Create draft"
          busy={create.isPending}
          onSubmit={(body, onError) =>
            create.mutate(body, {
              onSuccess: (event) =>
                navigate(`/admin/events/${event.id}`, {
                  state: { notice: `“${event.title}” was created as a draft. Add its sessions next.` },
                }),
              onError,
            })
          }
        />
      </section>
    </>
  );
}
