import pg from 'pg';
import { type LoadResult, load, table } from './lib/load.ts';
import { machineLine } from './lib/machine.ts';
import { createBenchDatabase } from './lib/pg.ts';
import { startHelloWorld, startPlatform } from './lib/processes.ts';

/**
 * Issue 3 bench: with 10,000 published events in PostgreSQL, browse (list) and search at 100
 * connections against Fastify's hello world measured in the same run.
 */
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const CONNECTIONS = 100;
const DURATION = Number(process.env.BENCH_DURATION ?? 10);

const WORDS_A = [
  'Summer',
  'Midnight',
  'Golden',
  'Electric',
  'Royal',
  'Silent',
  'Wild',
  'Northern',
  'Grand',
  'Velvet',
  'Crimson',
  'Lunar',
];
const WORDS_B = [
  'Festival',
  'Symphony',
  'Derby',
  'Gala',
  'Tour',
  'Premiere',
  'Final',
  'Revue',
  'Sessions',
  'Nights',
  'Classic',
  'Odyssey',
];
const CITIES = ['Paris', 'Berlin', 'London', 'Madrid', 'Lisbon', 'Amsterdam', 'Rome', 'Vienna'];

async function seed(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  await c.query(
    `
    insert into venues (name, address, city, timezone)
    select 'Venue ' || g, g || ' Main Street', ($1::text[])[1 + g % 8], 'Europe/Paris' from generate_series(1, 40) g`,
    [CITIES],
  );
  await c.query(`
    insert into layouts (venue_id, lineage_id, name, kind, plan, capacity, categories)
    select v.id, v.id, 'Hall', 'procedural', '{"version":1}'::jsonb, 200,
      '[{"key":"standard","label":"Standard","color":"#0072b2"},{"key":"premium","label":"Premium","color":"#e69f00"}]'::jsonb
    from venues v`);
  await c.query(
    `
    insert into events (type_key, title, description, tags, status, published_at, search_document)
    select t.type_key, t.title, t.description, t.tags, 'published', now(),
      setweight(to_tsvector('simple', t.title), 'A') || setweight(to_tsvector('simple', array_to_string(t.tags, ' ')), 'B') || setweight(to_tsvector('english', t.description), 'C')
    from (
      select (array['movie','concert','sports','theatre'])[1 + g % 4] as type_key,
        ($1::text[])[1 + g % 12] || ' ' || ($2::text[])[1 + (g / 12) % 12] || ' ' || g as title,
        'An evening of ' || lower(($2::text[])[1 + (g / 7) % 12]) || ' in ' || ($3::text[])[1 + g % 8] || ' with guests and surprises number ' || g as description,
        array[lower(($1::text[])[1 + (g / 3) % 12]), lower(($2::text[])[1 + g % 12])] as tags
      from generate_series(1, $4::int) g
    ) t`,
    [WORDS_A, WORDS_B, CITIES, EVENTS],
  );
  await c.query(`
    insert into sessions (event_id, venue_id, layout_id, starts_at, ends_at, sales_open_at, sales_close_at, status, capacity, published_at)
    select e.id, l.venue_id, l.id, s.at, s.at + interval '2 hours', now() - interval '1 day', s.at, 'published', 200, now()
    from (select id, row_number() over (order by id) as n from events) e
    join lateral (select id, venue_id from layouts order by id offset (e.n % 40) limit 1) l on true
    cross join lateral (select now() + ((e.n % 60) || ' days')::interval + (k || ' hours')::interval as at from generate_series(1, 2) k) s`);
  await c.query(`
    insert into prices (session_id, category_key, amount_cents, currency)
    select s.id, c.key, 1000 + (abs(hashtext(s.id::text)) % 9000) * c.f, 'EUR'
    from sessions s cross join (values ('standard', 1), ('premium', 2)) c(key, f)`);
  // The browse summary, set-based (the service recomputes it per event on every admin change).
  await c.query(`
    update events e set next_session_at = s.next_at, last_session_at = s.last_at, session_count = s.n,
      cities = s.cities, venue_ids = s.venue_ids, venue_names = s.venue_names,
      price_min_cents = p.pmin, price_max_cents = p.pmax, currency = 'EUR'
    from (select se.event_id, min(se.starts_at) as next_at, max(se.starts_at) as last_at, count(*)::int as n,
            array_agg(distinct v.city) as cities, array_agg(distinct v.id) as venue_ids, array_agg(distinct v.name) as venue_names
          from sessions se join venues v on v.id = se.venue_id group by se.event_id) s,
         (select se.event_id, min(pr.amount_cents) as pmin, max(pr.amount_cents) as pmax
          from prices pr join sessions se on se.id = pr.session_id group by se.event_id) p
    where e.id = s.event_id and e.id = p.event_id`);
  await c.query('analyze');
  const { rows } = await c.query<{ n: string }>(
    `select count(*) as n from events where status = 'published'`,
  );
  await c.end();
  return { events: Number(rows[0]!.n), ms: Math.round(performance.now() - t0) };
}

export async function catalogBench(): Promise<{ markdown: string; results: LoadResult[] }> {
  const db = await createBenchDatabase('tk_bench_catalog');
  // Migrate (the server does it at start), then fill, then restart so caches start cold.
  let platform = await startPlatform({ DATABASE_URL: db.url, SEED_DEMO: 'false', DB_POOL_MAX: '20' });
  await platform.stop();
  const seeded = await seed(db.url);
  console.log(`seeded ${seeded.events} events in ${seeded.ms} ms`);
  platform = await startPlatform({ DATABASE_URL: db.url, SEED_DEMO: 'false', DB_POOL_MAX: '20' });

  const listPaths = Array.from({ length: 40 }, (_, i) => {
    const types = ['', '&type=movie', '&type=concert', '&city=Berlin', '&sort=price', '&sort=popularity'];
    return `/api/events?page=${1 + (i % 20)}${types[i % types.length]}`;
  });
  const searchPaths = [
    'summer festival',
    'jazz',
    'midnight',
    'derby',
    'velvet symphony',
    'evening lisbon',
    'royal gala',
    'festivl',
    'symphny',
    'lunar odyssey',
  ].map((q) => `/api/events?q=${encodeURIComponent(q)}`);

  const opts = { connections: CONNECTIONS, durationSec: DURATION };
  const results: LoadResult[] = [];
  try {
    const hello = await startHelloWorld();
    // Warm both, then measure.
    await load('warm-up', hello.url, { ...opts, durationSec: 2 });
    results.push(await load('hello-world (Fastify, baseline)', hello.url, opts));
    await hello.stop();

    await load('warm-up', platform.url, { ...opts, durationSec: 2, paths: listPaths });
    results.push(
      await load(`GET /api/events list (${listPaths.length} variants)`, platform.url, {
        ...opts,
        paths: listPaths,
      }),
    );
    results.push(
      await load(`GET /api/events?q= search (${searchPaths.length} queries)`, platform.url, {
        ...opts,
        paths: searchPaths,
      }),
    );
    const cold = searchPaths.map((p, i) => `${p}&page=${1 + (i % 3)}&pageSize=${10 + (i % 5)}`);
    results.push(
      await load('search, cache defeated (new keys each second)', platform.url, {
        ...opts,
        durationSec: Math.min(DURATION, 5),
        paths: Array.from({ length: 2000 }, (_, i) => `${cold[i % cold.length]}&priceMin=${i}`),
      }),
    );
  } finally {
    await platform.stop();
    await db.drop();
  }
  const baseline = results[0];
  const markdown = [
    `### Catalog browse and search — ${machineLine()}`,
    '',
    `${seeded.events} published events in PostgreSQL; server and load generator share the machine; ${CONNECTIONS} connections, ${DURATION} s each.`,
    '',
    table(results, baseline),
  ].join('\n');
  return { markdown, results };
}
