import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useCreateLayout } from '../../api/admin/useCreateLayout.ts';
import { useVenue } from '../../api/admin/useVenue.ts';
import { describeError } from '../../api/client.ts';
import { PageHeader } from '../shared/PageHeader.tsx';
import { newProceduralValues } from './newProceduralValues.ts';
import { ProceduralLayoutForm } from './ProceduralLayoutForm.tsx';
import { SvgLayoutForm } from './SvgLayoutForm.tsx';
import './layouts.css';

/** A new layout for a venue: rows and seats (cinemas, halls) or an uploaded SVG (stadiums, theatres). */
export function LayoutCreatePage() {
  const { venueId = '' } = useParams();
  const [params] = useSearchParams();
  const kind = params.get('kind') === 'svg' ? 'svg' : 'procedural';
  const venue = useVenue(venueId);
  const create = useCreateLayout(venueId);
  const navigate = useNavigate();
  const venueName = venue.data?.name ?? 'Venue';

  const save = (body: Parameters<typeof create.mutate>[0]) =>
    create.mutate(body, {
      onSuccess: (layout) =>
        navigate(`/admin/venues/${venueId}/layouts/${layout.id}`, {
          state: { notice: `${layout.name} was saved with ${layout.capacity.toLocaleString()} places.` },
        }),
    });

  return (
    <>
      <title>{`New layout · ${venueName} · Admin · Ticketing`}</title>
      <PageHeader
        eyebrow={venueName}
        title="New layout"
        back={{ to: `/admin/venues/${venueId}`, label: venueName }}
      />
      <nav className="kind-tabs" aria-label="Kind of layout">
        <Link
          to="?kind=procedural"
          replace
          className="chip"
          aria-current={kind === 'procedural' ? 'true' : undefined}
        >
          Rows and seats
        </Link>
        <Link to="?kind=svg" replace className="chip" aria-current={kind === 'svg' ? 'true' : undefined}>
          SVG drawing
        </Link>
      </nav>
      {kind === 'procedural' ? (
        <ProceduralLayoutForm
          initial={newProceduralValues()}
          save={save}
          busy={create.isPending}
          submitLabel="Save layout"
          saveError={create.isError ? describeError(create.error) : null}
        />
      ) : (
        <SvgLayoutForm
          initialName=""
          initialCategories={[]}
          save={save}
          busy={create.isPending}
          submitLabel="Save layout"
          saveError={create.isError ? describeError(create.error) : null}
        />
      )}
    </>
  );
}
