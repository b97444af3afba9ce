import type { Hold, SessionDetail } from '@ticketing/contracts';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import type { SeatStatusStore } from '../api/booking/seatStatusStore.ts';
import { useStatusVersion } from '../api/booking/useSeatStream.ts';
import { describeError, hasCode } from '../api/client.ts';
import { useMe } from '../api/useMe.ts';
import type { MapTarget } from '../seatmap/drawBooking.ts';
import { seatInfo } from '../seatmap/seatCatalog.ts';
import { FREE, HELD } from '../seatmap/seatStatus.ts';
import { BookingBar } from './BookingBar.tsx';
import { BookingPanel } from './BookingPanel.tsx';
import type { MapModel } from './map/mapModel.ts';
import { SeatMap } from './map/SeatMap.tsx';
import { categoryLookup } from './prices.ts';
import { SeatLegend } from './SeatLegend.tsx';
import { SeatList } from './SeatList.tsx';
import { SeatTooltip } from './SeatTooltip.tsx';
import { seatName } from './seatText.ts';
import { dropUnavailable, seatIdsOf, toggleSeat, trimSelection } from './selection.ts';
import { pickKey, readStored, writeStored } from './storage.ts';
import { useHoldFlow } from './useHoldFlow.ts';

export type Notice = { tone: 'info' | 'warning' | 'danger'; text: string };

type Props = {
  session: SessionDetail;
  model: MapModel;
  store: SeatStatusStore;
  aside?: ReactNode;
  /** Above the map: the waiting room's access window or its notice. */
  banner?: ReactNode;
};

/**
 * The buyer's choice on one session: how many tickets, which seats (map or list), best available
 * or standing places, then the hold and the way to payment. Every change is also said in words
 * (aria-live), so the map is never the only way to know what happened.
 */
export function SeatPicker({ session, model, store, aside, banner }: Props) {
  const { catalog, prepared, plan } = model;
  const max = Math.max(1, session.maxTicketsPerOrder);
  const stored = useMemo(
    () => readStored<{ quantity: number; seats: string[] }>(pickKey(session.id)),
    [session.id],
  );
  const [quantity, setQuantity] = useState(() => Math.min(max, Math.max(1, stored?.quantity ?? 2)));
  const [picked, setPicked] = useState<string[]>(() =>
    trimSelection(
      (stored?.seats ?? []).filter((id) => catalog.indexOf.has(id)),
      quantity,
    ),
  );
  const [view, setView] = useState<'map' | 'list'>('map');
  const [gaChoice, setGaChoice] = useState<string | null>(null);
  const [taken, setTaken] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focus, setFocus] = useState<{ key: number; seats: number[] } | null>(null);
  const [panelFocus, setPanelFocus] = useState(0);
  const refocus = () => setPanelFocus((n) => n + 1);
  const me = useMe();
  const flow = useHoldFlow(session.id);
  const version = useStatusVersion(store);
  const category = useMemo(
    () => categoryLookup(session.categories, plan.categories),
    [session.categories, plan],
  );
  const oneSection = catalog.sections.length === 1;
  const open = session.salesState === 'open';

  useEffect(() => store.attach(catalog), [store, catalog]);
  useEffect(
    () => writeStored(pickKey(session.id), { quantity, seats: picked }),
    [session.id, quantity, picked],
  );

  const nameOf = (id: string) => {
    const i = catalog.indexOf.get(id);
    return i === undefined ? id : seatName(seatInfo(catalog, prepared.seatLabels, i), oneSection);
  };
  const say = (text: string) => setAnnouncement(text);
  const chosen = (n: number) => `${n} of ${quantity} ${quantity === 1 ? 'seat' : 'seats'} chosen.`;

  // Someone else took a seat we had picked (but not yet held): drop it and say so.
  const creating = flow.creating;
  const pickedRef = useRef(picked);
  pickedRef.current = picked;
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each status change
  useEffect(() => {
    if (!store.loaded || creating || pickedRef.current.length === 0) return;
    const { kept, dropped } = dropUnavailable(pickedRef.current, (id) => {
      const i = catalog.indexOf.get(id);
      return i !== undefined && store.statuses[i] === FREE;
    });
    if (dropped.length === 0) return;
    setPicked(kept);
    setTaken(dropped);
    const text = `${dropped.map(nameOf).join(', ')} ${dropped.length === 1 ? 'was' : 'were'} just taken by someone else. ${chosen(kept.length)}`;
    setNotice({ tone: 'warning', text });
    say(text);
  }, [version, creating]);

  const hold = flow.hold;
  const indices = (ids: readonly string[]) => indicesOf(catalog.indexOf, ids);
  const heldIds = useMemo(() => hold?.seats.map((s) => s.id) ?? [], [hold]);
  const selectedIdx = useMemo(
    () => indicesOf(catalog.indexOf, hold ? heldIds : picked),
    [hold, heldIds, picked, catalog],
  );
  const takenIdx = useMemo(() => indicesOf(catalog.indexOf, taken), [taken, catalog]);

  const onSeat = (i: number) => {
    const id = catalog.ids[i]!;
    const name = nameOf(id);
    if (!open) return setNotice({ tone: 'info', text: 'Seats can be chosen while sales are open.' });
    if (hold) {
      return setNotice({ tone: 'info', text: 'Your seats are held. Choose “Change seats” to pick others.' });
    }
    if (!picked.includes(id) && store.loaded && store.statuses[i] !== FREE) {
      return say(`${name} is not available.`);
    }
    const result = toggleSeat(picked, id, quantity);
    setTaken([]);
    flow.resetErrors();
    if (result.kind === 'full') {
      const text = `You have chosen ${quantity} of ${quantity} ${quantity === 1 ? 'seat' : 'seats'}. Remove one first, or choose more tickets.`;
      setNotice({ tone: 'info', text });
      return say(text);
    }
    setNotice(null);
    setPicked(result.selected);
    if (result.kind === 'removed') say(`${name} removed. ${chosen(result.selected.length)}`);
    else if (result.kind === 'moved') say(`${name} chosen instead of ${nameOf(result.from)}.`);
    else say(`${name} added. ${chosen(result.selected.length)}`);
  };

  const changeQuantity = (n: number) => {
    setQuantity(n);
    if (picked.length > n) {
      const kept = trimSelection(picked, n);
      setPicked(kept);
      say(
        `${n} ${n === 1 ? 'ticket' : 'tickets'}. ${picked.length - kept.length} seat(s) removed from your choice.`,
      );
    }
  };

  const afterHold = (made: Hold | null, what: string) => {
    if (!made) return;
    refocus();
    setPicked([]);
    setTaken([]);
    setNotice(null);
    setGaChoice(null);
    const seats = made.seats.map((s) => s.id);
    if (seats.length) setFocus((f) => ({ key: (f?.key ?? 0) + 1, seats: indices(seats) }));
    say(`${what} held for you. Continue to payment before the time runs out.`);
  };

  const holdPicked = async () => {
    const { hold: made, error: err } = await flow.createHold({ seatIds: picked });
    if (made) return afterHold(made, `${made.seats.length} ${made.seats.length === 1 ? 'seat' : 'seats'}`);
    if (hasCode(err, 'SEATS_UNAVAILABLE')) {
      const gone = seatIdsOf(err.extra.seatIds);
      const kept = picked.filter((id) => !gone.includes(id));
      // Show them taken now; the stream's next snapshot or delta has the final word.
      store.applyDelta(HELD, gone);
      setTaken(gone);
      setPicked(kept);
      const text = gone.length
        ? `Sorry, ${gone.map(nameOf).join(', ')} ${gone.length === 1 ? 'was' : 'were'} just taken. Pick ${gone.length === 1 ? 'another seat' : 'other seats'}.`
        : 'Sorry, some of those seats were just taken. Pick other seats.';
      setNotice({ tone: 'danger', text });
      say(text);
    }
  };

  const holdBest = async (categoryKey: string, sectionId: string | null) => {
    const { hold: made } = await flow.createHold({
      category: categoryKey,
      quantity,
      ...(sectionId ? { sectionId } : {}),
    });
    afterHold(made, made ? made.seats.map((s) => nameOf(s.id)).join(', ') : '');
  };

  const holdGa = async (areaId: string) => {
    const { hold: made } = await flow.createHold({ gaAreaId: areaId, quantity });
    const area = plan.gaAreas.find((a) => a.id === areaId);
    afterHold(
      made,
      `${quantity} standing ${quantity === 1 ? 'place' : 'places'} in ${area?.label ?? 'the area'}`,
    );
  };

  const changeSeats = async () => {
    const ids = heldIds;
    const area = hold?.ga[0]?.areaId ?? null;
    await flow.releaseHold();
    if (area) setGaChoice(area);
    setPicked(trimSelection(ids, quantity));
    refocus();
    say('Hold released. Your seats are still chosen; change them and hold again.');
  };

  const onExpired = () => {
    flow.markExpired();
    say('Your hold has expired and the seats were released. Pick seats again.');
  };

  const pickAgain = () => {
    const ids = (flow.expired?.seats ?? []).map((s) => s.id);
    const { kept } = dropUnavailable(ids, (id) => store.statuses[catalog.indexOf.get(id) ?? -1] === FREE);
    flow.dismissExpired();
    setPicked(trimSelection(kept, quantity));
    say(kept.length ? `${kept.length} of your seats are still free and chosen again.` : 'Pick seats again.');
  };

  const tooltip = (target: MapTarget) => (
    <SeatTooltip target={target} model={model} store={store} category={category} selected={selectedIdx} />
  );

  return (
    <div className="booking">
      <div className="booking-main">
        <div className="booking-toolbar">
          <h2 id="seat-choice-title">Choose your seats</h2>
          <fieldset className="segmented">
            <legend className="visually-hidden">Show seats as</legend>
            <button type="button" aria-pressed={view === 'map'} onClick={() => setView('map')}>
              Map
            </button>
            <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
              List
            </button>
          </fieldset>
        </div>
        {banner}
        {view === 'map' ? (
          <SeatMap
            model={model}
            store={store}
            label={`Seat map of ${session.venue.name}`}
            selected={selectedIdx}
            taken={takenIdx}
            selectedGa={gaChoice}
            focus={focus}
            tooltip={tooltip}
            onSeat={onSeat}
            onGa={(id) => {
              setGaChoice(id);
              say(
                `${plan.gaAreas.find((a) => a.id === id)?.label ?? 'Standing area'} chosen. Hold places in the panel.`,
              );
            }}
          />
        ) : (
          <SeatList
            model={model}
            store={store}
            category={category}
            selected={selectedIdx}
            disabled={!open || hold !== null}
            onToggle={onSeat}
          />
        )}
        <SeatLegend model={model} store={store} category={category} />
      </div>
      <aside className="booking-side">
        <BookingPanel
          session={session}
          model={model}
          store={store}
          category={category}
          signedIn={Boolean(me.data)}
          quantity={quantity}
          maxQuantity={max}
          onQuantity={changeQuantity}
          picked={picked}
          nameOf={nameOf}
          onRemove={(id) => {
            setPicked(picked.filter((s) => s !== id));
            say(`${nameOf(id)} removed. ${chosen(picked.length - 1)}`);
          }}
          gaChoice={gaChoice}
          onGaChoice={setGaChoice}
          notice={notice}
          flow={flow}
          onHoldPicked={holdPicked}
          onHoldBest={holdBest}
          onHoldGa={holdGa}
          onChangeSeats={changeSeats}
          onExpired={onExpired}
          onPickAgain={pickAgain}
          focusKey={panelFocus}
        />
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {aside}
      </aside>
      <BookingBar
        sessionId={session.id}
        hold={hold}
        picked={picked.length}
        quantity={quantity}
        prices={picked.map((id) => {
          const i = catalog.indexOf.get(id);
          return category(i === undefined ? '' : (catalog.categoryKeys[catalog.categoryOf[i]!] ?? '')).price;
        })}
        signedIn={Boolean(me.data)}
        busy={flow.creating || flow.paying}
        message={
          notice?.text ??
          (flow.createError && !hasCode(flow.createError, 'SEATS_UNAVAILABLE')
            ? describeError(flow.createError)
            : flow.payError
              ? describeError(flow.payError)
              : null)
        }
        onHold={holdPicked}
        onPay={() => flow.checkout()}
      />
    </div>
  );
}

const indicesOf = (indexOf: ReadonlyMap<string, number>, ids: readonly string[]) =>
  ids.map((id) => indexOf.get(id)).filter((i): i is number => i !== undefined);
