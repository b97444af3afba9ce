import { demoCinemaSpec } from '@ticketing/seatmap';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, signIn } from '../../../test/actors.ts';
import { makeTestApp } from '../../../test/app.ts';
import { databaseBackends } from '../../../test/databases.ts';
import { queryRows } from '../../db/client.ts';

const backends = await databaseBackends();

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

const SMALL_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200" onload="alert(1)">
  <script>alert('x')</script>
  <rect data-section-id="north" data-label="North stand" x="0" y="0" width="400" height="90" fill="#eee"/>
  <rect data-section-id="south" data-label="South stand" x="0" y="110" width="400" height="90" fill="#eee"/>
  <foreignObject><div>hi</div></foreignObject>
  ${[1, 2, 3, 4].map((n) => `<circle data-seat-id="n-a-${n}" data-section="north" data-row="A" data-label="${n}" cx="${n * 50}" cy="40" r="8"/>`).join('')}
  ${[1, 2, 3].map((n) => `<circle data-seat-id="s-a-${n}" data-section="south" data-row="A" data-label="${n}" cx="${n * 50}" cy="150" r="8"/>`).join('')}
  <a href="javascript:alert(2)"><text x="10" y="195">evil</text></a>
</svg>`;

describe.each(backends)('catalog on $name', (backend) => {
  let ctx: Awaited<ReturnType<typeof makeTestApp>>;
  let admin: Actor;
  let user: Actor;
  let venueId: string;
  let cinemaLayoutId: string;

  beforeAll(async () => {
    ctx = await makeTestApp(await backend.open());
    admin = await signIn(ctx.app, 'admin');
    user = await signIn(ctx.app, 'user');
  });
  afterAll(async () => {
    await ctx.app.close();
    await ctx.database.close();
  });

  it('answers 401 to anonymous and 403 to non-admins on admin routes, before validating input', async () => {
    const anon = await ctx.app.inject({ method: 'POST', url: '/api/admin/venues', payload: {} });
    expect(anon.statusCode).toBe(401);
    for (const [method, url] of [
      ['GET', '/api/admin/venues'],
      ['POST', '/api/admin/venues'],
      ['POST', '/api/admin/events'],
      ['GET', '/api/admin/event-types'],
      ['POST', '/api/admin/layouts/preview'],
    ] as const) {
      const res = await ctx.app.inject({
        method,
        url,
        headers: { cookie: user.cookie },
        payload: method === 'POST' ? {} : undefined,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('creates a venue and rejects an unknown time zone', async () => {
    const bad = await admin.post('/api/admin/venues', {
      name: 'Nowhere',
      address: '1 Road',
      city: 'X',
      timezone: 'Mars/Olympus',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/time zone/i);
    const res = await admin.post('/api/admin/venues', {
      name: 'Cine Lumière',
      address: '12 Rue des Écoles',
      city: 'Paris',
      country: 'France',
      timezone: 'Europe/Paris',
    });
    expect(res.statusCode).toBe(201);
    venueId = res.json().id;
  });

  it('adds a procedural cinema layout and refuses a broken spec with the reasons', async () => {
    const res = await admin.post(`/api/admin/venues/${venueId}/layouts`, {
      kind: 'procedural',
      name: 'Screen 1',
      spec: demoCinemaSpec(),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().capacity).toBeGreaterThan(200);
    cinemaLayoutId = res.json().id;
    const bad = await admin.post(`/api/admin/venues/${venueId}/layouts`, {
      kind: 'procedural',
      name: 'Broken',
      spec: { ...demoCinemaSpec(), rows: 1000 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('LAYOUT_INVALID');
  });

  it('imports an SVG layout, strips hostile content and maps sections to categories', async () => {
    const res = await admin.post(`/api/admin/venues/${venueId}/layouts`, {
      kind: 'svg',
      name: 'Arena',
      svg: SMALL_SVG,
      categories: [
        { key: 'north', label: 'North', color: '#0072b2' },
        { key: 'south', label: 'South', color: '#e69f00' },
      ],
      sectionCategories: { north: 'north', south: 'south' },
    });
    expect(res.statusCode).toBe(201);
    const layout = res.json();
    expect(layout.capacity).toBe(7);
    const background: string = layout.plan.background ?? '';
    for (const bad of ['<script', 'onload', 'foreignObject', 'javascript:'])
      expect(background).not.toContain(bad);
  });

  it('rejects SVGs without seats or with duplicate seat ids, naming the problem', async () => {
    const base = { kind: 'svg', name: 'X', categories: [{ key: 'a', label: 'A', color: '#000000' }] };
    const none = await admin.post(`/api/admin/venues/${venueId}/layouts`, {
      ...base,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>',
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().detail).toMatch(/seat/i);
    const dup = await admin.post(`/api/admin/venues/${venueId}/layouts`, {
      ...base,
      svg: '<svg xmlns="http://www.w3.org/2000/svg"><circle data-seat-id="s1" data-category="a" cx="1" cy="1" r="1"/><circle data-seat-id="s1" data-category="a" cx="5" cy="1" r="1"/></svg>',
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().detail).toContain('s1');
  });

  it('takes an event from draft to published with a priced session, and users find it by a misspelling', async () => {
    const badType = await admin.post('/api/admin/events', { title: 'X', typeKey: 'opera' });
    expect(badType.statusCode).toBe(400);
    const ev = await admin.post('/api/admin/events', {
      title: 'Nosferatu Restored',
      description: 'The 1922 silent classic with a live orchestral score.',
      typeKey: 'movie',
      tags: ['classic', 'silent'],
    });
    expect(ev.statusCode).toBe(201);
    const eventId = ev.json().id;

    const badTimes = await admin.post(`/api/admin/events/${eventId}/sessions`, {
      venueId,
      layoutId: cinemaLayoutId,
      startsAt: hours(48),
      endsAt: hours(47),
      salesOpenAt: hours(49),
    });
    expect(badTimes.statusCode).toBe(400);
    expect(badTimes.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['endsAt', 'salesOpenAt']),
    );

    const s = await admin.post(`/api/admin/events/${eventId}/sessions`, {
      venueId,
      layoutId: cinemaLayoutId,
      startsAt: hours(48),
      endsAt: hours(50),
      salesOpenAt: hours(-1),
    });
    expect(s.statusCode).toBe(201);
    const sessionId = s.json().id;
    expect(s.json().holdMinutes).toBe(10);
    expect(s.json().cancelCutoffHours).toBe(24);

    const unknownCat = await admin.put(`/api/admin/sessions/${sessionId}/prices`, {
      prices: [{ categoryKey: 'balcony', amountCents: 1000, currency: 'EUR' }],
    });
    expect(unknownCat.statusCode).toBe(400);
    expect(unknownCat.json().code).toBe('UNKNOWN_CATEGORY');
    const negative = await admin.put(`/api/admin/sessions/${sessionId}/prices`, {
      prices: [{ categoryKey: 'standard', amountCents: -5, currency: 'EUR' }],
    });
    expect(negative.statusCode).toBe(400);

    await admin.put(`/api/admin/sessions/${sessionId}/prices`, {
      prices: [{ categoryKey: 'standard', amountCents: 1200, currency: 'EUR' }],
    });
    const early = await admin.post(`/api/admin/sessions/${sessionId}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('PRICES_MISSING');
    expect(early.json().detail).toContain('premium');
    expect(early.json().missing).toEqual(['premium']);

    await admin.put(`/api/admin/sessions/${sessionId}/prices`, {
      prices: [
        { categoryKey: 'standard', amountCents: 1200, currency: 'eur' },
        { categoryKey: 'premium', amountCents: 1800, currency: 'EUR' },
      ],
    });
    const published = await admin.post(`/api/admin/sessions/${sessionId}/publish`);
    expect(published.statusCode).toBe(200);
    const capacity = published.json().capacity;
    const rows = await queryRows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from seat_inventory where session_id = ${sessionId}`,
    );
    expect(rows[0]!.n).toBe(capacity);
    expect((await admin.post(`/api/admin/sessions/${sessionId}/publish`)).statusCode).toBe(200);

    // Not visible until the event itself is published.
    expect((await ctx.app.inject({ url: `/api/events/${eventId}` })).statusCode).toBe(404);
    expect(
      (await admin.post(`/api/admin/events/${eventId}/status`, { status: 'published' })).statusCode,
    ).toBe(200);

    const found = await ctx.app.inject({ url: '/api/events?q=nosferatoo' });
    expect(found.statusCode).toBe(200);
    expect(found.json().fuzzy).toBe(true);
    expect(found.json().items.map((e: { id: string }) => e.id)).toContain(eventId);

    const exact = (await ctx.app.inject({ url: '/api/events?q=orchestral' })).json();
    expect(exact.fuzzy).toBe(false);
    expect(exact.items[0].id).toBe(eventId);
    expect(exact.items[0].priceFrom).toEqual({ amountCents: 1200, currency: 'EUR' });

    const detail = await ctx.app.inject({ url: `/api/events/${eventId}` });
    expect(detail.statusCode).toBe(200);
    const session = detail.json().sessions[0];
    expect(session.salesState).toBe('open');
    expect(session.venue.city).toBe('Paris');
    const premium = session.categories.find((c: { key: string }) => c.key === 'premium');
    expect(premium.price).toEqual({ amountCents: 1800, currency: 'EUR' });
    expect(premium.available).toBe(premium.capacity);
    expect(session.available).toBe(capacity);

    const etag = detail.headers.etag as string;
    const again = await ctx.app.inject({ url: `/api/events/${eventId}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);

    // Edits to a published event show on browse pages at once.
    await admin.patch(`/api/admin/events/${eventId}`, { title: 'Nosferatu (4K restoration)' });
    const edited = (await ctx.app.inject({ url: '/api/events?q=restoration' })).json();
    expect(edited.items[0].title).toBe('Nosferatu (4K restoration)');

    // Filters.
    const byCity = (await ctx.app.inject({ url: '/api/events?city=paris&type=movie' })).json();
    expect(byCity.items.map((e: { id: string }) => e.id)).toContain(eventId);
    const tooCheap = (await ctx.app.inject({ url: '/api/events?priceMax=500' })).json();
    expect(tooCheap.items.map((e: { id: string }) => e.id)).not.toContain(eventId);

    // A layout that sells is never changed in place: editing makes version 2.
    const edit = await admin.put(`/api/admin/layouts/${cinemaLayoutId}`, {
      kind: 'procedural',
      name: 'Screen 1 (refit)',
      spec: { ...demoCinemaSpec(), aisles: [5, 15] },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().id).not.toBe(cinemaLayoutId);
    expect(edit.json().version).toBe(2);
    const old = (await admin.get(`/api/admin/layouts/${cinemaLayoutId}`)).json();
    expect(old.name).toBe('Screen 1');
    expect(old.inUse).toBe(true);
  });

  it('rejects bad browse queries with 400', async () => {
    expect((await ctx.app.inject({ url: '/api/events?page=0' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/events?pageSize=500' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/events?from=yesterday' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/events?bogus=1' })).statusCode).toBe(400);
    expect((await ctx.app.inject({ url: '/api/events/not-a-uuid' })).statusCode).toBe(400);
  });

  it('previews an SVG before its sections are mapped, listing what needs a category', async () => {
    const res = await admin.post('/api/admin/layouts/preview', {
      kind: 'svg',
      name: 'Arena',
      svg: SMALL_SVG,
      categories: [{ key: 'north', label: 'North', color: '#0072b2' }],
      sectionCategories: { north: 'north' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sectionsWithoutCategory).toEqual([
      { sectionId: 'south', label: 'South stand', seats: 3 },
    ]);
  });

  it('stores uploaded event images by content and refuses SVG and non-images', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const up = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/uploads',
      headers: { cookie: admin.cookie, 'content-type': 'image/png' },
      payload: png,
    });
    expect(up.statusCode).toBe(201);
    const img = await ctx.app.inject({ url: up.json().url });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    const svg = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/uploads',
      headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    expect(svg.statusCode).toBe(415);
    const asUser = await ctx.app.inject({
      method: 'POST',
      url: '/api/admin/uploads',
      headers: { cookie: user.cookie, 'content-type': 'image/png' },
      payload: png,
    });
    expect(asUser.statusCode).toBe(403);
    expect((await ctx.app.inject({ url: '/uploads/../../etc/passwd' })).statusCode).toBe(404);
    const ev = await admin.post('/api/admin/events', {
      title: 'With image',
      typeKey: 'concert',
      imageUrl: up.json().url,
    });
    expect(ev.statusCode).toBe(201);
  });

  it('manages event types: add, rename, retire', async () => {
    const created = await admin.post('/api/admin/event-types', { key: 'comedy', label: 'Comedy' });
    expect(created.statusCode).toBe(201);
    expect((await admin.post('/api/admin/event-types', { key: 'comedy', label: 'Again' })).statusCode).toBe(
      409,
    );
    await admin.patch('/api/admin/event-types/comedy', { label: 'Stand-up comedy' });
    const types = (await ctx.app.inject({ url: '/api/event-types' })).json().items;
    expect(types.map((t: { label: string }) => t.label)).toContain('Stand-up comedy');
    await admin.patch('/api/admin/event-types/comedy', { retired: true });
    const after = (await ctx.app.inject({ url: '/api/event-types' })).json().items;
    expect(after.map((t: { key: string }) => t.key)).not.toContain('comedy');
    expect(
      (await admin.post('/api/admin/events', { title: 'Late show', typeKey: 'comedy' })).statusCode,
    ).toBe(400);
  });
});
