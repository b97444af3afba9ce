import { useEffect, useRef, useState } from 'react';
import { canScanQr, qrDetector } from './barcode.ts';

const SCAN_EVERY_MS = 250;
/** The same code in front of the camera is not sent again before this. */
const SAME_CODE_PAUSE_MS = 4000;

/**
 * Camera scanning where the browser has BarcodeDetector; elsewhere it says so and the paste box
 * does the job. The camera starts only when asked, and stops when the page goes.
 */
export function CameraScanner({ onCode, busy }: { onCode: (code: string) => void; busy: boolean }) {
  const [support, setSupport] = useState<'checking' | 'yes' | 'no'>('checking');
  const [on, setOn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef({ onCode, busy });
  latest.current = { onCode, busy };

  useEffect(() => {
    let live = true;
    canScanQr().then((ok) => live && setSupport(ok ? 'yes' : 'no'));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!on) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const last = { code: '', at: 0 };
    const detector = qrDetector();
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (s) => {
        if (stopped) {
          for (const t of s.getTracks()) t.stop();
          return;
        }
        stream = s;
        const el = video.current;
        if (!el) return;
        el.srcObject = s;
        await el.play();
        timer = setInterval(async () => {
          if (latest.current.busy || el.readyState < 2) return;
          try {
            const [found] = await detector.detect(el);
            const now = Date.now();
            if (!found?.rawValue) return;
            if (found.rawValue === last.code && now - last.at < SAME_CODE_PAUSE_MS) return;
            last.code = found.rawValue;
            last.at = now;
            latest.current.onCode(found.rawValue);
          } catch {
            // A frame the detector could not read: the next one will do.
          }
        }, SCAN_EVERY_MS);
      })
      .catch((err: unknown) => {
        setError(
          err instanceof DOMException && err.name === 'NotAllowedError'
            ? 'Camera access was refused. Allow it in the browser, or paste codes below.'
            : 'The camera could not be started. Paste codes below instead.',
        );
        setOn(false);
      });
    return () => {
      stopped = true;
      clearInterval(timer);
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, [on]);

  if (support === 'checking') return null;
  if (support === 'no')
    return (
      <p className="alert alert-info checkin-camera-note">
        The camera scanner is not supported in this browser. Paste or type the ticket code below, or use a
        USB/Bluetooth scanner that types into the box.
      </p>
    );
  return (
    <div className="checkin-camera">
      {on ? (
        <video ref={video} className="checkin-video" muted playsInline aria-label="Camera preview" />
      ) : null}
      <button
        type="button"
        className="btn"
        onClick={() => {
          setError(null);
          setOn((v) => !v);
        }}
      >
        {on ? 'Stop camera' : 'Scan with camera'}
      </button>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}
