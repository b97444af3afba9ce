import { paletteColour } from './palette.ts';
import type { Category, Plan } from './plan.ts';

/**
 * Gives seats without a category the category mapped to their section (with `overwrite`, every seat
 * of a mapped section). Keys not yet in the plan are added, labelled by their key; pass `categories`
 * to supply labels and colours. Returns a new plan; the input is not changed.
 */
export function applySectionCategories(
  plan: Plan,
  mapping: Record<string, string>,
  options: { categories?: Category[]; overwrite?: boolean } = {},
): Plan {
  const categories = [...plan.categories];
  const ensure = (key: string): void => {
    if (categories.some((c) => c.key === key)) return;
    const given = options.categories?.find((c) => c.key === key);
    categories.push(given ? { ...given } : { key, label: key, color: paletteColour(categories.length) });
  };
  const sections = plan.sections.map((section) => {
    const key = Object.hasOwn(mapping, section.id) ? mapping[section.id] : undefined;
    if (key === undefined || key === '') return section;
    ensure(key);
    const rows = section.rows.map((row) => ({
      ...row,
      seats: row.seats.map((seat) =>
        seat.category === '' || options.overwrite ? { ...seat, category: key } : seat,
      ),
    }));
    return { ...section, rows };
  });
  return { ...plan, categories, sections };
}
