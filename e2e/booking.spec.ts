import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from './support/browser.ts';
import {
  describePaint,
  type FirstPaint,
  findSession,
  type Hooked,
  measureFirstPaint,
  openMap,
} from './support/seatmap-page.ts';
import { type RunningServer, startServer } from './support/server.ts';

async function signUp(page: Page, url: string, name: string, email: string) {
  await page.goto(`${url}/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('tickets for two please');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(name).first().waitFor();
}

/** Clicks a seat on the canvas where the map says it is drawn. */
async function clickSeat(page: Page, seatId: string) {
  const point = await page.evaluate((id) => (globalThis as unknown as Hooked).__seatmap.point(id), seatId);
  expect(point, `seat ${seatId} is on screen`).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
}

async function payWithTestCard(page: Page) {
  await page.getByRole('button', { name: /Continue to payment/ }).click();
  await page.waitForURL(/\/pay\//);
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('link', { name: /Return to/ }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]+/);
  await page.getByRole('heading', { name: /You’re going/ }).waitFor({ timeout: 20_000 });
}

describe('booking in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('picks two cinema seats on the map, pays, gets two tickets, and a second browser sees them sold live', async () => {
    const { session } = await findSession(
      server.url,
      (e, s) => e.type.key === 'movie' && s.layoutKind === 'procedural',
    );
    const buyer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watcher = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await buyer.newPage();
    const other = await watcher.newPage();

    await signUp(page, server.url, 'Ada Buyer', 'ada.buyer@example.com');
    await Promise.all([openMap(page, server.url, session.id), openMap(other, server.url, session.id)]);

    // Two neighbours in the middle of the back half: well inside the stage at the fitted zoom.
    const free = await page.evaluate(() => (globalThis as unknown as Hooked).__seatmap.freeSeats(1000));
    const seats = [free[free.length - 30]!, free[free.length - 29]!];
    for (const id of seats) await clickSeat(page, id);
    expect(await page.evaluate(() => (globalThis as unknown as Hooked).__seatmap.selected())).toEqual(seats);

    await page.getByRole('button', { name: 'Hold 2 seats' }).click();
    await page.getByRole('timer').waitFor();
    // The watcher sees them held at once…
    await other.waitForFunction(
      (ids) => ids.every((id) => (globalThis as unknown as Hooked).__seatmap.status(id) === 1),
      seats,
    );
    await page.screenshot({ path: shotPath('booking-hold') });

    await payWithTestCard(page);
    expect(await page.locator('.ticket-line').count()).toBe(2);
    await page.screenshot({ path: shotPath('booking-confirmation') });

    // …and sold once the payment is confirmed, without reloading.
    await other.waitForFunction(
      (ids) => ids.every((id) => (globalThis as unknown as Hooked).__seatmap.status(id) === 2),
      seats,
      {
        timeout: 10_000,
      },
    );
    await other.screenshot({ path: shotPath('booking-watcher-sold') });

    await page.goto(`${server.url}/orders`);
    await page
      .getByRole('link', { name: /View order/ })
      .first()
      .waitFor();
    await buyer.close();
    await watcher.close();
  });

  it('paints the 80,000-seat stadium sections first, then picks a seat in a section and pays', async () => {
    const { session } = await findSession(
      server.url,
      (_, s) => s.layoutKind === 'svg' && s.capacity > 50_000,
    );
    // The plan is immutable and served with Cache-Control: public, so during an on-sale it comes
    // from a warm server or CDN cache; warm it as the first visitor would, then measure visits.
    const cold = Date.now();
    await fetch(`${server.url}/api/sessions/${session.id}/seatmap`).then((r) => r.arrayBuffer());
    console.log(`stadium plan, first request on a cold server: ${Date.now() - cold} ms`);
    // Three first visits (fresh browser contexts, nothing cached), the median counts: one reading
    // on a shared machine says more about its neighbours than about the map.
    const runs: FirstPaint[] = [];
    for (let i = 0; i < 3; i++) runs.push(await measureFirstPaint(browser, server.url, session.id));
    for (const r of runs) console.log(describePaint(r));
    const median = runs.map((r) => r.firstPaintMs).sort((x, y) => x - y)[1]!;
    console.log(`stadium map first paint, median of 3: ${median.toFixed(0)} ms`);
    expect(runs[0]!.seats).toBeGreaterThan(80_000);
    expect(runs[0]!.mode).toBe('sections');
    // The < 1 s target is measured by `npm run bench -- map` (nine visits, recorded in
    // docs/BENCHMARKS.md); here, on a CI machine shared with the other tests, only a collapse
    // to twice the target fails the test.
    expect(median).toBeLessThan(2000);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signUp(page, server.url, 'Grace Fan', 'grace.fan@example.com');
    await openMap(page, server.url, session.id);
    await page.screenshot({ path: shotPath('booking-stadium-sections') });

    const [seat] = await page.evaluate(() =>
      (globalThis as unknown as Hooked).__seatmap.freeSeats(5000).slice(-1),
    );
    await page.evaluate((id) => (globalThis as unknown as Hooked).__seatmap.zoomTo(id), seat!);
    await page.waitForFunction(() => (globalThis as unknown as Hooked).__seatmap.mode() === 'seats');
    await page.waitForTimeout(400); // the camera glides there
    await clickSeat(page, seat!);
    expect(await page.evaluate(() => (globalThis as unknown as Hooked).__seatmap.selected())).toEqual([seat]);
    await page.getByRole('button', { name: 'Hold 1 seat' }).click();
    await page.getByRole('timer').waitFor();
    await page.screenshot({ path: shotPath('booking-stadium-held') });
    await payWithTestCard(page);
    expect(await page.locator('.ticket-line').count()).toBe(1);
    await context.close();
  });
});
