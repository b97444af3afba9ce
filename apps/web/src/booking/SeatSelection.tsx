import type { SessionDetail } from '@ticketing/contracts';
import { type ReactNode, useMemo } from 'react';
import { useSeatmap } from '../api/booking/useSeatmap.ts';
import { useSeatStream } from '../api/booking/useSeatStream.ts';
import { describeError } from '../api/client.ts';
import { ErrorAlert } from '../ui/Feedback.tsx';
import { buildMapModel } from './map/mapModel.ts';
import { SeatPicker } from './SeatPicker.tsx';
import './booking.css';

/**
 * Seat selection on the session page: downloads the plan and opens the live status stream side by
 * side (the stream is small and usually wins), then hands both to the picker. `aside` is shown
 * under the booking panel.
 */
export function SeatSelection({ session, aside }: { session: SessionDetail; aside?: ReactNode }) {
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
  if (!model) {
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
  return <SeatPicker session={session} model={model} store={store} aside={aside} />;
}
