import { type FormEvent, useRef, useState } from 'react';
import { useCheckin } from '../api/tickets/useCheckin.ts';
import { formatTime } from '../events/venueTime.ts';
import { AlertIcon, CheckIcon } from '../ui/icons.tsx';
import { CameraScanner } from './CameraScanner.tsx';
import { admitted, refused, type Scan } from './checkinText.ts';
import './checkin.css';

const HISTORY = 10;

/** The door: scan or paste a ticket's code; the answer is big, green or red, with the reason. */
export function CheckinPage() {
  const checkin = useCheckin();
  const [code, setCode] = useState('');
  const [scans, setScans] = useState<Scan[]>([]);
  const nextId = useRef(1);
  const input = useRef<HTMLTextAreaElement>(null);

  const check = (raw: string) => {
    const value = raw.trim();
    if (!value || checkin.isPending) return;
    const id = nextId.current++;
    const record = (scan: Scan) => setScans((s) => [scan, ...s].slice(0, HISTORY));
    checkin.mutate(
      { code: value },
      {
        onSuccess: (r) => record(admitted(id, value, r)),
        onError: (err) => record(refused(id, value, err)),
        onSettled: () => {
          setCode('');
          input.current?.focus();
        },
      },
    );
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    check(code);
  };

  const current = scans[0];
  return (
    <div className="container page checkin-page">
      <title>Check-in · Ticketing</title>
      <header className="page-header">
        <p className="eyebrow">At the door</p>
        <h1>Check-in</h1>
        <p className="lead">Scan a ticket’s QR code or paste its code. Each ticket admits once.</p>
      </header>
      <div className="checkin-layout">
        <section className="card checkin-input" aria-label="Scan a ticket">
          <CameraScanner onCode={check} busy={checkin.isPending} />
          <form className="checkin-form" onSubmit={onSubmit}>
            <label className="field-label" htmlFor="checkin-code">
              Ticket code
            </label>
            <textarea
              ref={input}
              id="checkin-code"
              className="input checkin-code"
              rows={3}
              value={code}
              autoComplete="off"
              spellCheck={false}
              placeholder="Paste the code from the QR"
              onChange={(e) => setCode(e.target.value)}
              onKeyDown={(e) => {
                // A scanner types the code and presses Enter.
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault();
                  check(code);
                }
              }}
            />
            <button
              type="submit"
              className="btn btn-primary btn-lg"
              disabled={!code.trim() || checkin.isPending}
            >
              {checkin.isPending ? 'Checking…' : 'Check in'}
            </button>
          </form>
        </section>
        <div aria-live="assertive" className="checkin-result-slot">
          {current ? (
            <ScanResult key={current.id} scan={current} />
          ) : (
            <div className="checkin-result" data-result="idle">
              <p>Waiting for the first ticket…</p>
            </div>
          )}
        </div>
      </div>
      {scans.length > 0 ? (
        <section className="card checkin-history" aria-labelledby="checkin-history-title">
          <h2 id="checkin-history-title">Last scans</h2>
          <ol>
            {scans.map((s) => (
              <li key={s.id} data-result={s.ok ? 'admitted' : 'refused'}>
                <span className="checkin-history-mark">{s.ok ? 'Admitted' : 'Refused'}</span>
                <span>{s.ok ? `${s.seat} · ${s.holder}` : `${s.reason} — ${s.detail}`}</span>
                <time className="muted" dateTime={s.at.toISOString()}>
                  {s.at.toLocaleTimeString()}
                </time>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

function ScanResult({ scan }: { scan: Scan }) {
  if (scan.ok)
    return (
      <div className="checkin-result" data-result="admitted" role="status">
        <CheckIcon size={56} />
        <p className="checkin-verdict">ADMITTED</p>
        <p className="checkin-seat">{scan.seat}</p>
        <p className="checkin-holder">{scan.holder}</p>
        <p className="checkin-meta">
          {scan.event} · checked in at {formatTime(scan.checkedInAt, scan.timezone)}
        </p>
      </div>
    );
  return (
    <div className="checkin-result" data-result="refused" role="alert">
      <AlertIcon size={56} />
      <p className="checkin-verdict">REFUSED</p>
      <p className="checkin-seat">{scan.reason}</p>
      <p className="checkin-meta">{scan.detail}</p>
    </div>
  );
}
