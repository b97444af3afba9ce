import { useNavigate } from 'react-router';
import { useCreateVenue } from '../../api/admin/useCreateVenue.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { VenueForm } from './VenueForm.tsx';

export function VenueCreatePage() {
  const create = useCreateVenue();
  const navigate = useNavigate();
  return (
    <>
      <title>New venue · Admin · Ticketing</title>
      <PageHeader
        eyebrow="Venues & layouts"
        title="New venue"
        back={{ to: '/admin/venues', label: 'All venues' }}
        lead="Where sessions take place. Add its seat layouts next."
      />
      <section className="card" aria-label="Venue details">
        <VenueForm
          submitLabel="Create venue"
          busy={create.isPending}
          onSubmit={(body, onError) =>
            create.mutate(body, {
              onSuccess: (venue) =>
                navigate(`/admin/venues/${venue.id}`, {
                  state: { notice: `${venue.name} was created. Add a layout so sessions can sell seats.` },
                }),
              onError,
            })
          }
        />
      </section>
    </>
  );
}
