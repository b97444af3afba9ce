import type { SessionDetail } from '@ticketing/contracts';
import { type ReactNode, useMemo } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { useSeatmap } from '../api/booking/useSeatmap.ts';
import { useSeatStream } from '../api/booking/useSeatStream.ts';
import { describeError } from '../api/client.ts';
import { useMe } from '../api/useMe.ts';
import { AccessWindow } from '../queue/AccessWindow.tsx';
import { formatClock } from '../queue/queueText.ts';
import { browserStore, forgetTurn } from '../queue/storage.ts';
import { useQueueGate } from '../queue/useQueueGate.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { buildMapModel } from './map/mapModel.ts';
import { SeatPicker } from './SeatPicker.tsx';
import { salesStateAt } from './salesState.ts';
import { holdKey, readStored } from './storage.ts';
import '../queue/queue.css';
import './booking.css';

/**
 * Seat selection on the session page: downloads the plan and opens the live status stream side by
 * side (the stream is small and usually wins), then hands both to the picker. `aside` is shown
 * under the booking panel. While the session's waiting room runs, buyers without access are sent
 * to it instead.
 */
export function SeatSelection({ session: given, aside }: { session: SessionDetail; aside?: ReactNode }) {
  const salesState = salesStateAt(given, Date.now());
  const session = useMemo(() => ({ ...given, salesState }), [given, salesState]);
  const me = useMe();
  const accountId = me.isPending ? undefined : (me.data?.id ?? null);
  const gate = useQueueGate(session, accountId);
  const navigate = useNavigate();
  const queuePath = `/sessions/${session.id}/queue`;

  if (gate.kind === 'queue')
    return <Navigate to={queuePath} replace state={{ queueNotice: 'access-required' }} />;
  if (gate.kind === 'checking') return <MapLoading session={session} aside={aside} />;

  const banner =
    gate.kind === 'soon' ? (
      <p className="alert alert-info">
        This on-sale has a waiting room
        {gate.prequeueOpensAt ? `, opening at ${formatClock(gate.prequeueOpensAt)}` : ''}. Seats are chosen in
        turn once sales open. <Link to={queuePath}>Go to the waiting room</Link>
      </p>
    ) : gate.access ? (
      <AccessWindow
        expiresAt={gate.access.expiresAt}
        onExpired={() => {
          // Nothing held to finish: back to the line. With a hold, stay and pay; new holds are refused.
          if (readStored<string>(holdKey(session.id)) !== null) return;
          forgetTurn(browserStore(), session.id);
          navigate(queuePath, { replace: true, state: { queueNotice: 'access-expired' } });
        }}
      />
    ) : null;
  return <SeatMapLoader session={session} aside={aside} banner={banner} />;
}

function SeatMapLoader({
  session,
  aside,
  banner,
}: {
  session: SessionDetail;
  aside?: ReactNode;
  banner: ReactNode;
}) {
  const seatmap = useSeatmap(session.id);
  const store = useSeatStream(session.id);
  const model = useMemo(() => (seatmap.data ? buildMapModel(seatmap.data.plan) : null), [seatmap.data]);

  if (seatmap.isError) {
    return (
      <div className="booking">
        <div className="booking-main">
          <ErrorAlert>
            The seat map did not load: {describeError(seatmap.error)}{' '}
            <button type="button" className="btn btn-sm" onClick={() => seatmap.refetch()}>
              Try again
            </button>
          </ErrorAlert>
        </div>
        <aside className="booking-side">{aside}</aside>
      </div>
    );
  }
  if (!model) return <MapLoading session={session} aside={aside} />;
  return <SeatPicker session={session} model={model} store={store} aside={aside} banner={banner} />;
}

function MapLoading({ session, aside }: { session: SessionDetail; aside?: ReactNode }) {
  return (
    <div className="booking">
      <div className="booking-main">
        <div className="booking-map-loading" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>Loading the seat map of {session.venue.name}…</span>
        </div>
      </div>
      <aside className="booking-side">{aside}</aside>
    </div>
  );
}
