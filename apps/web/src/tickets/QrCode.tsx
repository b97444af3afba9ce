import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';

/** The ticket's signed code drawn as a QR on a canvas, big enough for a door scanner. */
export function QrCode({ value, size = 280, label }: { value: string; size?: number; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!canvas.current) return;
    setFailed(false);
    QRCode.toCanvas(canvas.current, value, { width: size, margin: 2, errorCorrectionLevel: 'M' }).catch(() =>
      setFailed(true),
    );
  }, [value, size]);

  if (failed) return <p className="field-hint">The QR code could not be drawn; download the PDF instead.</p>;
  return <canvas ref={canvas} className="qr-code" role="img" aria-label={label} width={size} height={size} />;
}
