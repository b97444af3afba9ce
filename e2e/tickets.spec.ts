import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from './support/browser.ts';
import { findSession, type Hooked, openMap } from './support/seatmap-page.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** Signs up, holds one seat on the map and pays with the test card (the steps of booking.spec.ts). */
async function buyOneTicket(page: Page, url: string, name: string, email: string) {
  const { session } = await findSession(
    url,
    (event, s) => event.type.key === 'movie' && s.layoutKind === 'procedural',
  );
  await page.goto(`${url}/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('tickets for two please');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByText(name).first().waitFor();

  await openMap(page, url, session.id);
  const free = await page.evaluate(() => (globalThis as unknown as Hooked).__seatmap.freeSeats(1000));
  const seat = free[free.length - 30]!;
  const point = await page.evaluate((id) => (globalThis as unknown as Hooked).__seatmap.point(id), seat);
  expect(point).not.toBeNull();
  await page.mouse.click(point!.x, point!.y);
  await page.getByRole('button', { name: 'Hold 1 seat' }).click();
  await page.getByRole('timer').waitFor();

  await page.getByRole('button', { name: /Continue to payment/ }).click();
  await page.waitForURL(/\/pay\//);
  await page.getByLabel('Card number').fill('4242 4242 4242 4242');
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByRole('link', { name: /Return to/ }).click();
  await page.waitForURL(/\/orders\/[0-9a-f-]+/);
  await page.getByRole('heading', { name: /You’re going/ }).waitFor({ timeout: 20_000 });
}

describe('tickets in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('pays, finds the ticket email in the dev mailbox, shows the QR, and the door admits it once', async () => {
    const buyer = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await buyer.newPage();
    const email = 'tess.ticket@example.com';
    await buyOneTicket(page, server.url, 'Tess Ticket', email);

    // My tickets lists it; its page shows the QR drawn from the signed code.
    const mine = (await (await page.request.get(`${server.url}/api/me/tickets`)).json()) as {
      upcoming: { id: string }[];
    };
    expect(mine.upcoming).toHaveLength(1);
    const ticketId = mine.upcoming[0]!.id;
    const detail = (await (await page.request.get(`${server.url}/api/tickets/${ticketId}`)).json()) as {
      code: string;
    };
    expect(detail.code).toBeTruthy();
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('link', { name: /Open ticket/ }).click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]+$/);
    await page.getByRole('img', { name: /QR code of ticket/ }).waitFor();
    await page.getByRole('link', { name: 'Download PDF' }).waitFor();
    await page.screenshot({ path: shotPath('tickets-ticket-page') });

    // The email arrives in the dev mailbox (the delivery job runs after the payment), PDF attached.
    await page.goto(`${server.url}/dev/mailbox`);
    const message = page.getByRole('link', { name: new RegExp(`To ${email}`) }).first();
    await message.waitFor({ timeout: 30_000 });
    await message.click();
    await page.locator('iframe.mail-body').waitFor();
    await page.getByRole('list', { name: 'Attachments' }).getByRole('link', { name: /\.pdf/ }).waitFor();
    await page.screenshot({ path: shotPath('tickets-dev-mailbox') });
    await buyer.close();

    // The demo admin checks the code in at the door: admitted once, then refused as already used.
    const match = server.output().match(/email:\s+(\S+)\s+password:\s+(\S+)/);
    expect(match).not.toBeNull();
    const door = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const staff = await door.newPage();
    const login = await staff.request.post(`${server.url}/api/auth/login`, {
      data: { email: match![1], password: match![2] },
    });
    expect(login.status()).toBe(200);
    await staff.goto(`${server.url}/checkin`);
    await staff.getByLabel('Ticket code').fill(detail.code);
    await staff.getByRole('button', { name: 'Check in' }).click();
    await staff.getByText('ADMITTED', { exact: true }).waitFor();
    await staff.screenshot({ path: shotPath('tickets-checkin-admitted') });

    await staff.getByLabel('Ticket code').fill(detail.code);
    await staff.getByRole('button', { name: 'Check in' }).click();
    await staff.getByText('REFUSED', { exact: true }).waitFor();
    await staff.getByText('Already used', { exact: true }).waitFor();
    await staff.screenshot({ path: shotPath('tickets-checkin-refused') });
    expect(await staff.locator('.checkin-history li').count()).toBe(2);
    await door.close();
  });
});
