import { useMutation } from '@tanstack/react-query';
import type { LayoutCreate } from '@ticketing/contracts';
import type { Category, Plan } from '@ticketing/seatmap';
import { api } from '../client.ts';

export type LayoutPreview = { plan: Plan; capacity: number; categories: Category[]; warnings: string[] };

/** Validates and expands a layout on the server without saving it (400 LAYOUT_INVALID lists problems). */
export function useLayoutPreview() {
  return useMutation({
    mutationFn: (body: LayoutCreate) =>
      api<LayoutPreview>('/api/admin/layouts/preview', { method: 'POST', body }),
  });
}
