import { useEffect, useState } from 'react';

/**
 * A Blob URL for SVG markup, revoked when the markup changes or the component goes away. The map
 * shows the server-sanitized background through an <img>, which never runs scripts or loads
 * anything external, rather than injecting it into the page as HTML.
 */
export function useSvgUrl(svg: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!svg) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [svg]);
  return url;
}
