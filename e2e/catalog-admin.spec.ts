import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shotPath } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

/** A hall drawn in SVG: two sections of five seats, no categories of its own (they are mapped). */
const HALL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 260">
  <rect x="120" y="10" width="160" height="30" fill="#333"/>
  <polygon data-section-id="north" data-label="North stand" points="40,60 360,60 360,130 40,130" fill="#eceaf4"/>
  <polygon data-section-id="south" data-label="South stand" points="40,150 360,150 360,230 40,230" fill="#eceaf4"/>
  <g data-section="north" data-row="A">
    ${[0, 1, 2, 3, 4].map((i) => `<circle data-seat-id="n-a-${i + 1}" cx="${120 + i * 40}" cy="95" r="12"/>`).join('')}
  </g>
  <g data-section="south" data-row="A">
    ${[0, 1, 2, 3, 4].map((i) => `<circle data-seat-id="s-a-${i + 1}" cx="${120 + i * 40}" cy="190" r="12"/>`).join('')}
  </g>
</svg>`;

const EVENT_TITLE = 'Zanzibar Moonlight Quartet';
const MISSPELLED = 'zanzibr moonlite';

/** A datetime-local value `days` from now at `time`, read by the form as venue wall-clock time. */
function wallTime(days: number, time: string) {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

describe('catalog admin in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let svgFile: string;
  let eventId = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    svgFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tk-svg-')), 'north-south-hall.svg');
    fs.writeFileSync(svgFile, HALL_SVG);
    const [, email, password] = server.output().match(/email:\s+(\S+)\s+password:\s+(\S+)/) ?? [];
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/login?next=/admin/venues`);
    await page.getByLabel('Email').fill(email!);
    await page.getByLabel('Password').fill(password!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Venues & layouts' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (svgFile) fs.rmSync(path.dirname(svgFile), { recursive: true, force: true });
  });

  async function createVenue(name: string, city: string, timezone: string) {
    await page.goto(`${server.url}/admin/venues/new`);
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Address').fill('Rua das Flores 12');
    await page.getByLabel('City').fill(city);
    await page.getByLabel('Country').fill('Portugal');
    await page.getByLabel('Time zone').fill(timezone);
    await page.getByRole('button', { name: 'Create venue' }).click();
    await page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  it('creates a venue with a procedural cinema layout, previewing it while typing', async () => {
    await createVenue('Cinema Aurora', 'Porto', 'Europe/Lisbon');
    await page.getByRole('link', { name: 'Add rows-and-seats layout' }).click();
    const preview = page.locator('.layout-preview');
    // The form starts from the 12 × 20 demo cinema, drawn at once.
    await preview.getByText('240 places in total').waitFor();

    await page.getByLabel('Layout name').fill('Sala 1');
    await page.getByLabel('Rows', { exact: true }).fill('8');
    // Rows H–M of the premium category and the wheelchair row M no longer exist: said inline.
    await preview.getByText(/problems? to fix/).waitFor();
    await preview.getByText("Wheelchair space: row 'M' does not exist (rows A–H)").waitFor();
    await page.getByLabel('Category 2 to row').fill('H');
    await page.getByLabel('Wheelchair 1 row').fill('H');
    await preview.getByText('160 places in total').waitFor();
    expect(await preview.getByText(/problems? to fix/).count()).toBe(0);
    await page.screenshot({ path: shotPath('admin-procedural-preview'), fullPage: true });

    await page.getByRole('button', { name: 'Save layout' }).click();
    await page.getByText('Sala 1 was saved with 160 places.').waitFor();
    await page.getByRole('heading', { name: 'Sala 1', level: 1 }).waitFor();
  });

  it('creates a venue from an uploaded SVG, mapping its sections to categories', async () => {
    await createVenue('Aurora Hall', 'Lisbon', 'Europe/Lisbon');
    await page.getByRole('link', { name: 'Upload SVG layout' }).click();
    await page.getByLabel('Layout name').fill('Main floor');
    await page.getByLabel('SVG file').setInputFiles(svgFile);
    await page.getByText('10 seats in 2 sections').waitFor();

    await page.getByRole('button', { name: 'Add category' }).click();
    await page.getByLabel('Category 2 name').fill('Balcony');
    await page.getByLabel('Category for South stand').selectOption({ label: 'Balcony' });
    const preview = page.locator('.layout-preview');
    await preview.getByText('Checked · 10 places').waitFor();
    await preview.getByText(/data-focal-point/).waitFor(); // the server's warning is shown
    await preview.locator('.plan-legend').getByText('Balcony').waitFor();
    await page.screenshot({ path: shotPath('admin-svg-layout'), fullPage: true });

    await page.getByRole('button', { name: 'Save layout' }).click();
    await page.getByText('Main floor was saved with 10 places.').waitFor();
  });

  async function addSession(venueLabel: string, prices: Record<string, string>, shot?: string) {
    await page.getByRole('link', { name: 'Add session' }).click();
    await page.getByLabel('Venue').selectOption({ label: venueLabel });
    await page.getByText('Times are at the venue: Europe/Lisbon').waitFor();
    await page.getByLabel('Starts').fill(wallTime(12, '20:00'));
    await page.getByLabel('Sales open').fill(wallTime(-1, '10:00'));
    await page.getByLabel('Max tickets per order').fill('6');
    await page.getByRole('button', { name: 'Create session' }).click();
    await page.getByText('Session created as a draft').waitFor();

    // Publishing before any price is refused, naming what is missing.
    await page.getByRole('button', { name: 'Publish session' }).click();
    await page.getByText(/Set a price for every seating category before publishing/).waitFor();
    if (shot) await page.screenshot({ path: shotPath(`${shot}-prices-missing`), fullPage: true });

    for (const [category, amount] of Object.entries(prices)) {
      await page.getByLabel(`Price for ${category}`).fill(amount);
    }
    await page.getByRole('button', { name: 'Save prices' }).click();
    await page.getByText('Prices saved').waitFor();
    await page.getByRole('button', { name: 'Publish session' }).click();
    await page.getByRole('button', { name: 'Cancel session' }).waitFor();
    await expect.poll(() => page.locator('.admin-badges').textContent()).toContain('Published');
    if (shot) await page.screenshot({ path: shotPath(`${shot}-published`), fullPage: true });
    await page.getByRole('link', { name: EVENT_TITLE }).first().click();
  }

  it('creates an event with a priced, published session on each venue, and publishes it', async () => {
    await page.goto(`${server.url}/admin/events`);
    await page.getByRole('link', { name: 'New event' }).click();
    await page.getByLabel('Title').fill(EVENT_TITLE);
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'Concerts' });
    await page.getByLabel('Tags').fill('jazz, late night');
    await page.getByLabel('Description').fill('Four players, one long night of standards.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.getByText('was created as a draft').waitFor();
    eventId = page.url().split('/').pop()!;

    await addSession('Cinema Aurora, Porto', { Standard: '9.50', Premium: '12' }, 'admin-session');
    await addSession('Aurora Hall, Lisbon', { Standard: '25', Balcony: '18.5' });

    const sessions = page.getByRole('table', { name: 'Sessions of this event' });
    await expect
      .poll(() =>
        sessions.getByText('Published').evaluateAll((els) => els.filter((e) => e.checkVisibility()).length),
      )
      .toBe(2);
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog', { name: 'Publish this event?' }).waitFor();
    await page.getByRole('button', { name: 'Publish event' }).click();
    await page.getByRole('button', { name: 'Mark ended' }).waitFor();
    await page.screenshot({ path: shotPath('admin-event-published'), fullPage: true });
  });

  it('lets an anonymous user find it by a misspelled title and see its prices', async () => {
    const anonymous = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await anonymous.goto(server.url);
    const found = await anonymous.evaluate(async (q) => {
      const res = await fetch(`/api/events?q=${encodeURIComponent(q)}`);
      return (await res.json()) as { fuzzy: boolean; items: { id: string; priceFrom: unknown }[] };
    }, MISSPELLED);
    expect(found.fuzzy).toBe(true);
    expect(found.items.map((e) => e.id)).toContain(eventId);
    expect(found.items.find((e) => e.id === eventId)?.priceFrom).toEqual({
      amountCents: 950,
      currency: 'EUR',
    });

    await anonymous.goto(`${server.url}/events/${eventId}`);
    await anonymous.getByRole('heading', { name: EVENT_TITLE }).waitFor();
    await anonymous.getByText('€9.50').first().waitFor();
    await anonymous.getByText('€18.50').first().waitFor();
    await anonymous.screenshot({ path: shotPath('public-event-after-admin'), fullPage: true });
    await anonymous.close();
  });
});
