import type { Plan } from '@ticketing/seatmap';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useLayout } from '../../api/admin/useLayout.ts';
import { useUpdateLayout } from '../../api/admin/useUpdateLayout.ts';
import { useVenue } from '../../api/admin/useVenue.ts';
import { describeError, isApiError } from '../../api/client.ts';
import { PlanCanvas } from '../../seatmap/PlanCanvas.tsx';
import { ErrorAlert, PageLoading } from '../../ui/Feedback.tsx';
import { Notice } from '../shared/Notice.tsx';
import { PageHeader } from '../shared/PageHeader.tsx';
import { ProceduralLayoutForm } from './ProceduralLayoutForm.tsx';
import { valuesFromSpec } from './proceduralValues.ts';
import { SvgLayoutForm } from './SvgLayoutForm.tsx';
import './layouts.css';

export function LayoutPage() {
  const { venueId = '', layoutId = '' } = useParams();
  const layout = useLayout(layoutId);
  const venue = useVenue(venueId);
  const update = useUpdateLayout(layoutId, venueId);
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);

  if (layout.isPending) return <PageLoading label="Loading the layout…" />;
  if (layout.isError) {
    return (
      <ErrorAlert>
        {isApiError(layout.error, 404) ? 'This layout does not exist.' : describeError(layout.error)}{' '}
        <Link to={`/admin/venues/${venueId}`}>Back to the venue</Link>
      </ErrorAlert>
    );
  }
  const l = layout.data;
  const venueName = venue.data?.name ?? 'Venue';
  const current = venue.data ? venue.data.layouts.some((x) => x.id === l.id) : true;

  const save = (body: Parameters<typeof update.mutate>[0]) =>
    update.mutate(body, {
      onSuccess: (saved) => {
        setEditing(false);
        const notice =
          saved.id === l.id
            ? `${saved.name} was saved.`
            : `Saved as version ${saved.version}. Sessions already on sale keep version ${l.version}; new sessions use version ${saved.version}.`;
        navigate(`/admin/venues/${venueId}/layouts/${saved.id}`, {
          state: { notice },
          replace: saved.id === l.id,
        });
      },
    });
  const saveError = update.isError ? describeError(update.error) : null;

  return (
    <>
      <title>{`${l.name} · ${venueName} · Admin · Ticketing`}</title>
      <PageHeader
        eyebrow={venueName}
        title={l.name}
        back={{ to: `/admin/venues/${venueId}`, label: venueName }}
        badges={
          <>
            <span className="badge">{l.kind === 'svg' ? 'SVG drawing' : 'Rows & seats'}</span>
            <span className="badge">Version {l.version}</span>
            <span className="badge badge-accent">{l.capacity.toLocaleString()} places</span>
            {l.inUse ? <span className="badge badge-success">On sale</span> : null}
            {current ? null : <span className="badge badge-warning">Earlier version</span>}
          </>
        }
        actions={
          editing ? null : (
            <button type="button" className="btn" onClick={() => setEditing(true)}>
              Edit layout
            </button>
          )
        }
      />
      <Notice />
      {editing ? (
        <section className="admin-section" aria-labelledby="edit-layout-title">
          <div className="admin-section-head">
            <h2 id="edit-layout-title">Edit layout</h2>
            <button type="button" className="btn btn-ghost btn-sm" onClick={() => setEditing(false)}>
              Stop editing
            </button>
          </div>
          {l.inUse ? (
            <p className="alert alert-info">
              Sessions already sell from version {l.version}. Saving creates version {l.version + 1}: those
              sessions keep their seats, and new sessions use the new version.
            </p>
          ) : null}
          {l.kind === 'procedural' && l.spec ? (
            <ProceduralLayoutForm
              initial={valuesFromSpec(l.spec as Parameters<typeof valuesFromSpec>[0], l.name)}
              save={save}
              busy={update.isPending}
              submitLabel={l.inUse ? 'Save as a new version' : 'Save changes'}
              saveError={saveError}
            />
          ) : (
            <>
              <p className="muted">
                Upload the drawing again to change this layout: the layout keeps its plan, not the original
                file.
              </p>
              <SvgLayoutForm
                initialName={l.name}
                initialCategories={l.categories}
                save={save}
                busy={update.isPending}
                submitLabel={l.inUse ? 'Save as a new version' : 'Save changes'}
                saveError={saveError}
              />
            </>
          )}
        </section>
      ) : (
        <section className="admin-section" aria-label="Seat plan">
          <PlanCanvas
            plan={l.plan as Plan}
            label={`Seat plan of ${l.name}`}
            height="clamp(20rem, 68vh, 46rem)"
          />
        </section>
      )}
    </>
  );
}
