import { useEffect } from 'react';

/**
 * Calls `onChange` when the device pixel ratio changes (browser zoom, a window moved to another
 * screen), which resizes nothing and so escapes the ResizeObserver, but blurs a canvas.
 */
export function useDevicePixelRatio(onChange: () => void) {
  useEffect(() => {
    let query: MediaQueryList | null = null;
    const listen = () => {
      query?.removeEventListener('change', changed);
      query = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
      query.addEventListener('change', changed);
    };
    const changed = () => {
      listen();
      onChange();
    };
    listen();
    return () => query?.removeEventListener('change', changed);
  }, [onChange]);
}
