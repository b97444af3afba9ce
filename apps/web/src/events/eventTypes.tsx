import type { ComponentType, SVGProps } from 'react';
import { FilmIcon, MusicIcon, SportIcon, TheatreIcon, TicketIcon } from '../ui/icons.tsx';

type Icon = ComponentType<SVGProps<SVGSVGElement> & { size?: number }>;

/**
 * The four types the home page features. Admins can add more; those get the generic ticket icon.
 * Keys match the catalog's event type keys.
 */
export const featuredTypes: { key: string; label: string; Icon: Icon }[] = [
  { key: 'movie', label: 'Movies', Icon: FilmIcon },
  { key: 'concert', label: 'Concerts', Icon: MusicIcon },
  { key: 'sports', label: 'Sports', Icon: SportIcon },
  { key: 'theatre', label: 'Theatre', Icon: TheatreIcon },
];

export const iconForType = (key: string): Icon =>
  featuredTypes.find((t) => t.key === key)?.Icon ?? TicketIcon;

const tints: Record<string, string> = {
  movie: '#2f3fc4',
  concert: '#8b2bd9',
  sports: '#0b7a5a',
  theatre: '#b3263e',
};
const fallbackTints = ['#6d28d9', '#0e6ba8', '#a34a00', '#7a2e8e'];

/** A stable tint per type for cards without an image; types admins add later get one of a few. */
export function tintForType(key: string) {
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return tints[key] ?? fallbackTints[h % fallbackTints.length]!;
}
