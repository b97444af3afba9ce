import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

type Category = { key: string; available: number; price: { amountCents: number } | null };
type SessionSummary = { id: string; salesState: string; queueMode: string; categories: Category[] };

/** Buyers sign up and buy through the API (the browser part of buying is booking.spec.ts's job). */
async function buy(url: string, i: number, session: SessionSummary) {
  const ip = `10.77.0.${i + 1}`;
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': ip };
  const signup = await fetch(`${url}/api/auth/signup`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      email: `mon-${i}-${randomUUID()}@example.com`,
      password: 'monitoring buyer ok',
      name: `Buyer ${i}`,
    }),
  });
  expect(signup.status).toBe(201);
  const cookie = signup.headers.get('set-cookie')!.split(';')[0]!;
  const as = { ...headers, cookie };
  const category = session.categories.find((c) => c.price && c.available >= 2)!;
  const hold = await fetch(`${url}/api/sessions/${session.id}/holds`, {
    method: 'POST',
    headers: as,
    body: JSON.stringify({ category: category.key, quantity: 2 }),
  });
  expect(hold.status, await hold.clone().text()).toBe(201);
  const order = await fetch(`${url}/api/orders`, {
    method: 'POST',
    headers: { ...as, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ holdId: ((await hold.json()) as { holdId: string }).holdId }),
  });
  expect(order.status).toBe(201);
  const { payment } = (await order.json()) as { payment: { id: string } };
  const paid = await fetch(`${url}/api/testpay/payments/${payment.id}/confirm`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ cardNumber: '4242 4242 4242 4242' }),
  });
  expect(paid.status).toBe(200);
}

async function openSessions(url: string): Promise<SessionSummary[]> {
  const list = (await (await fetch(`${url}/api/events?pageSize=50`)).json()) as { items: { id: string }[] };
  const sessions: SessionSummary[] = [];
  for (const { id } of list.items) {
    const event = (await (await fetch(`${url}/api/events/${id}`)).json()) as { sessions: SessionSummary[] };
    sessions.push(
      ...event.sessions.filter(
        (s) =>
          s.salesState === 'open' &&
          s.queueMode === 'off' &&
          s.categories.some((c) => c.price && c.available >= 2),
      ),
    );
  }
  return sessions;
}

describe('admin monitoring dashboard in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Buyers arrive from their own addresses (X-Forwarded-For), as behind a proxy.
    [server, browser] = await Promise.all([startServer({ TRUST_PROXY: 'true' }), launchBrowser()]);
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows an admin the orders, tickets, session status and request figures after some bookings', async () => {
    const sessions = await openSessions(server.url);
    expect(sessions.length).toBeGreaterThan(0);
    for (let i = 0; i < 4; i++) await buy(server.url, i, sessions[i % sessions.length]!);

    const [, email, password] = server.output().match(/email:\s+(\S+)\s+password:\s+(\S+)/) ?? [];
    await page.goto(`${server.url}/login?next=/admin/monitoring`);
    await page.getByLabel('Email').fill(email!);
    await page.getByLabel('Password').fill(password!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Monitoring', level: 1 }).waitFor();

    // Registrations: the four orders, placed and (once their webhooks land) paid, with 8 tickets.
    const totals = page.getByTestId('registrations-totals');
    await expect
      .poll(async () => (await totals.textContent()) ?? '', { timeout: 30_000, interval: 500 })
      .toMatch(/4 orders · 4 paid · 8 tickets/);

    // Event status: sessions on sale, with the seats just sold.
    await expect.poll(() => page.locator('[data-status="on_sale"]').count()).toBeGreaterThan(0);
    const soldKpi = page.locator('.mon-kpi', { hasText: 'Seats sold' });
    await expect.poll(async () => (await soldKpi.textContent()) ?? '').toMatch(/Seats sold\s*8/);

    // System performance: the holds just made are in the route table, with percentiles.
    const routes = page.getByTestId('route-table');
    await routes.getByText('/api/sessions/:id/holds').waitFor();
    expect(await page.getByTestId('performance-summary').textContent()).toMatch(
      /1 process · [\d,]+ requests/,
    );

    // Real charts: uPlot canvases (registrations, categories, three performance charts).
    await expect.poll(() => page.locator('.mon-chart canvas').count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: shotPath('admin-monitoring'), fullPage: true });
    await page.getByRole('heading', { name: 'Monitoring', level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: shotPath('admin-monitoring-top') });
    for (const part of ['events', 'registrations', 'categories', 'performance'])
      await page
        .locator(`section[aria-labelledby="mon-${part}"]`)
        .screenshot({ path: shotPath(`admin-monitoring-${part}`) });
  });
});
