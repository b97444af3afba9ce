/** The Barcode Detection API (Chromium on Android, macOS, ChromeOS): not in TypeScript's DOM types yet. */
type DetectedBarcode = { rawValue: string; format: string };
type BarcodeDetectorInstance = { detect(source: CanvasImageSource): Promise<DetectedBarcode[]> };
type BarcodeDetectorClass = {
  new (options?: { formats: string[] }): BarcodeDetectorInstance;
  getSupportedFormats?(): Promise<string[]>;
};

const detectorClass = (): BarcodeDetectorClass | undefined =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;

/** Whether this browser can scan QR codes with the camera: a detector that reads QR, and a camera API. */
export async function canScanQr(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector || !navigator.mediaDevices?.getUserMedia) return false;
  try {
    const formats = (await Detector.getSupportedFormats?.()) ?? ['qr_code'];
    return formats.includes('qr_code');
  } catch {
    return false;
  }
}

export function qrDetector(): BarcodeDetectorInstance {
  const Detector = detectorClass();
  if (!Detector) throw new Error('BarcodeDetector is not supported');
  return new Detector({ formats: ['qr_code'] });
}
