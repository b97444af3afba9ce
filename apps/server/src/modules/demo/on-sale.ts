import type { Services } from '../../app.ts';

/**
 * The demo's high-demand on-sale: the stadium show sells through a scheduled waiting room whose
 * pre-queue is open at start-up and whose sales open a few minutes later, so anyone can watch the
 * queue work right after `npm start`.
 */
export const DEMO_ON_SALE_TITLE = 'Coldplay – Music of the Spheres';
export const DEMO_ON_SALE_DELAY_MS = 4 * 60_000;
export const DEMO_ON_SALE_QUEUE = {
  prequeueMinutes: 30,
  outflowPerMinute: 120,
  maxActiveShoppers: 500,
  noShowMinutes: 5,
  shoppingMinutes: 15,
};

/**
 * On every start of the embedded demo, an on-sale that already opened is moved to open a few
 * minutes from now again. Only with the in-process coordinator: its queue starts empty with the
 * process, whereas a Redis queue would keep places drawn for the old opening.
 */
export async function rearmDemoOnSale(services: Services, now = new Date()) {
  const { items } = await services.catalog.listAdminEvents({ q: DEMO_ON_SALE_TITLE, page: 1, pageSize: 5 });
  const event = items.find((e) => e.title === DEMO_ON_SALE_TITLE);
  if (!event) return null;
  const [session] = (await services.sessions.listForEvent(event.id)).filter((s) => s.status === 'published');
  if (!session || session.queueMode !== 'scheduled') return null;
  const opensAt = new Date(session.salesOpenAt);
  if (opensAt.getTime() > now.getTime() + 60_000) return { sessionId: session.id, salesOpenAt: opensAt };
  const next = new Date(now.getTime() + DEMO_ON_SALE_DELAY_MS);
  if (next.getTime() >= new Date(session.salesCloseAt).getTime()) return null;
  await services.sessions.update(session.id, { salesOpenAt: next.toISOString() });
  return { sessionId: session.id, salesOpenAt: next };
}
