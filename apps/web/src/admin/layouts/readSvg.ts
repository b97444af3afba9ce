import { type Category, importSvgPlan, SvgImportError } from '@ticketing/seatmap';

/** Same limits as the server (apps/server/src/modules/venues/build-plan.ts). */
export const SVG_MAX_BYTES = 10 * 1024 * 1024;
const SVG_MAX_SEATS = 100_000;

export type SvgSection = { id: string; label: string; seats: number; needCategory: number };
export type SvgReading = { sections: SvgSection[]; categories: Category[]; seats: number };

/**
 * Reads an uploaded drawing in the browser with the importer the server uses, to list its
 * sections and the seats that still need a category. The server's preview cannot do that: it
 * refuses a plan whose seats lack a category, which is exactly the state before mapping.
 * Nothing read here is displayed as markup; the map shows the server's sanitized background.
 */
export function readSvg(text: string): SvgReading | { error: string } {
  try {
    const { plan, sectionsWithoutCategory } = importSvgPlan(text, {
      maxBytes: SVG_MAX_BYTES,
      maxSeats: SVG_MAX_SEATS,
    });
    const missing = new Map(sectionsWithoutCategory.map((s) => [s.sectionId, s.seats]));
    const sections = plan.sections.map((s) => ({
      id: s.id,
      label: s.label,
      seats: s.rows.reduce((n, r) => n + r.seats.length, 0),
      needCategory: missing.get(s.id) ?? 0,
    }));
    return { sections, categories: plan.categories, seats: sections.reduce((n, s) => n + s.seats, 0) };
  } catch (err) {
    if (err instanceof SvgImportError) return { error: err.message };
    return { error: 'This file could not be read as an SVG drawing.' };
  }
}
