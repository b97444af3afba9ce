import type { Browser, Page } from 'playwright-core';

/**
 * The session page's seat map as tests and the map bench see it: the map's test hook, finding a
 * demo session, opening the map, and timing a first visit.
 */

/** The map's test hook (apps/web/src/booking/map/testHook.ts); typed here, since e2e has no DOM types. */
export type Hooked = {
  __seatmap: {
    seats: number;
    firstPaintMs: number | null;
    mode(): 'sections' | 'seats';
    point(id: string): { x: number; y: number } | null;
    status(id: string): number | null;
    freeSeats(limit: number): string[];
    selected(): string[];
    zoomTo(id: string): void;
  };
};

type SessionSummary = { id: string; layoutKind: string; capacity: number; salesState: string };
type EventDetail = { id: string; title: string; type: { key: string }; sessions: SessionSummary[] };

/** The first open session of the demo catalog that matches, found through the public API. */
export async function findSession(url: string, match: (e: EventDetail, s: SessionSummary) => boolean) {
  const list = (await (await fetch(`${url}/api/events?pageSize=50`)).json()) as { items: { id: string }[] };
  for (const { id } of list.items) {
    const event = (await (await fetch(`${url}/api/events/${id}`)).json()) as EventDetail;
    const session = event.sessions.find((s) => s.salesState === 'open' && match(event, s));
    if (session) return { event, session };
  }
  throw new Error('no matching demo session');
}

/** Opens a session page and waits until the map is drawn with live statuses. */
export async function openMap(page: Page, url: string, sessionId: string) {
  await page.goto(`${url}/sessions/${sessionId}`);
  await page.locator('[data-testid=seatmap][data-live=true]').waitFor();
  await page.locator('[data-testid=seatmap]').scrollIntoViewIfNeeded();
}

export type FirstPaint = {
  seats: number;
  firstPaintMs: number;
  mode: string;
  waitMs: number | null;
  downloadMs: number | null;
  prepareMs: number | null;
  bytes: number | null;
};

/** One first visit of the session page in a fresh context: the map's own mark, and where the time went. */
export async function measureFirstPaint(
  browser: Browser,
  url: string,
  sessionId: string,
): Promise<FirstPaint> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openMap(page, url, sessionId);
  const result = await page.evaluate(() => {
    const hook = (globalThis as unknown as Hooked).__seatmap;
    type Timing = { startTime: number; responseStart: number; responseEnd: number; encodedBodySize: number };
    const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/seatmap')) as
      | Timing
      | undefined;
    return {
      seats: hook.seats,
      firstPaintMs: hook.firstPaintMs ?? Number.POSITIVE_INFINITY,
      mode: hook.mode(),
      waitMs: res ? res.responseStart - res.startTime : null,
      downloadMs: res ? res.responseEnd - res.responseStart : null,
      prepareMs: performance.getEntriesByName('seatmap:prepare')[0]?.duration ?? null,
      bytes: res?.encodedBodySize ?? null,
    };
  });
  await context.close();
  return result;
}

export function describePaint(r: FirstPaint) {
  const ms = (n: number | null) => (n === null ? '?' : `${n.toFixed(0)} ms`);
  return (
    `stadium map: ${r.seats} seats, first paint ${ms(r.firstPaintMs)} after the plan download started ` +
    `(server ${ms(r.waitMs)}, download ${ms(r.downloadMs)} of ${r.bytes} bytes, plan prepared in ` +
    `${ms(r.prepareMs)}; the rest is JSON parsing and the first frame)`
  );
}
