import type { LayoutCreate } from '@ticketing/contracts';
import { NotFound } from '../../lib/errors.ts';
import { type BuiltLayout, buildLayoutPlan } from './build-plan.ts';
import type { LayoutRow, VenueRow, VenuesRepository } from './repository.ts';

type VenueInput = Pick<VenueRow, 'name' | 'address' | 'city' | 'country' | 'timezone'>;

export function toAdminLayout(row: LayoutRow, inUse: boolean, warnings?: string[]) {
  return {
    id: row.id,
    venueId: row.venueId,
    lineageId: row.lineageId,
    version: row.version,
    name: row.name,
    kind: row.kind,
    spec: row.spec ?? null,
    plan: row.plan,
    capacity: row.capacity,
    categories: row.categories as { key: string; label: string; color: string }[],
    inUse,
    ...(warnings ? { warnings } : {}),
  };
}

const layoutValues = (name: string, built: BuiltLayout) => ({
  name,
  kind: built.kind,
  spec: built.spec,
  plan: built.plan,
  capacity: built.capacity,
  categories: built.categories,
});

export function venuesService(deps: { repo: VenuesRepository; onCatalogChange: () => void }) {
  const { repo } = deps;

  async function venueWithLayouts(venue: VenueRow) {
    const layouts = await repo.listCurrentLayouts(venue.id);
    return { ...venue, layouts };
  }

  return {
    async createVenue(input: VenueInput) {
      return venueWithLayouts(await repo.insertVenue(input));
    },

    async updateVenue(id: string, patch: Partial<VenueInput>) {
      const row = await repo.updateVenue(id, patch);
      if (!row) throw new NotFound('Venue');
      deps.onCatalogChange();
      return venueWithLayouts(row);
    },

    async getVenue(id: string) {
      const row = await repo.findVenue(id);
      if (!row) throw new NotFound('Venue');
      return venueWithLayouts(row);
    },

    async listVenues() {
      const [venues, layouts] = await Promise.all([repo.listVenues(), repo.listCurrentLayouts()]);
      return venues.map((v) => ({ ...v, layouts: layouts.filter((l) => l.venueId === v.id) }));
    },

    /** Validates and expands the layout without storing it: the admin's live preview. */
    preview(input: LayoutCreate) {
      const built = buildLayoutPlan(input, { preview: true });
      return {
        plan: built.plan,
        capacity: built.capacity,
        categories: built.categories,
        warnings: built.warnings,
        sectionsWithoutCategory: built.sectionsWithoutCategory ?? [],
      };
    },

    async createLayout(venueId: string, input: LayoutCreate) {
      if (!(await repo.findVenue(venueId))) throw new NotFound('Venue');
      const built = buildLayoutPlan(input);
      const row = await repo.insertLayout(venueId, layoutValues(input.name, built));
      return toAdminLayout(row, false, built.warnings);
    },

    async getLayout(id: string) {
      const row = await repo.findLayout(id);
      if (!row) throw new NotFound('Layout');
      return toAdminLayout(row, await repo.layoutInUse(id));
    },

    /**
     * A layout that published sessions sell from is never changed in place: the edit becomes the
     * next version of its lineage (tickets keep pointing at the seats they were sold for).
     */
    async updateLayout(id: string, input: LayoutCreate) {
      const current = await repo.findLayout(id);
      if (!current) throw new NotFound('Layout');
      const built = buildLayoutPlan(input);
      const values = layoutValues(input.name, built);
      if (current.supersededAt || (await repo.layoutInUse(id))) {
        const next = await repo.insertNextVersion(current, values);
        return toAdminLayout(next, false, built.warnings);
      }
      const row = await repo.updateLayoutInPlace(id, values);
      return toAdminLayout(row!, false, built.warnings);
    },

    findLayoutRow: (id: string) => repo.findLayout(id),
    findLayoutMeta: (id: string) => repo.findLayoutMeta(id),
    findVenueRow: (id: string) => repo.findVenue(id),
  };
}

export type VenuesService = ReturnType<typeof venuesService>;
