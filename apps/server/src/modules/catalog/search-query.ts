import type { EventsQuery } from '@ticketing/contracts';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Builds the browse query from the filters. Pure SQL construction (no I/O) so the shape of every
 * query the list endpoint can send is visible in one place.
 */
export type SearchMode = 'fulltext' | 'fuzzy' | 'none';

// Typo tolerance: word_similarity between the query and the title (or a tag); 0.3 finds
// "coldpaly" → "Coldplay" and "hamlett" → "Hamlet" without matching unrelated titles.
export const FUZZY_THRESHOLD = 0.3;

function dateBound(value: string, end: boolean): Date {
  // A bare date means the whole day: "to=2026-12-24" includes that day.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    if (end) d.setUTCDate(d.getUTCDate() + 1);
    return d;
  }
  return new Date(value);
}

export function buildSearchQuery(q: EventsQuery, mode: SearchMode): SQL {
  const where: SQL[] = [sql`e.status = 'published'`, sql`e.last_session_at > now()`];
  const text = q.q?.trim() ?? '';
  let rank: SQL = sql`0`;
  if (text && mode === 'fulltext') {
    const query = sql`(websearch_to_tsquery('simple', ${text}) || websearch_to_tsquery('english', ${text}))`;
    where.push(sql`e.search_document @@ ${query}`);
    rank = sql`ts_rank(e.search_document, ${query})`;
  } else if (text && mode === 'fuzzy') {
    const similarity = sql`greatest(word_similarity(${text.toLowerCase()}, lower(e.title)), word_similarity(${text.toLowerCase()}, lower(array_to_string(e.tags, ' '))))`;
    where.push(sql`${similarity} >= ${FUZZY_THRESHOLD}`);
    rank = similarity;
  }
  if (q.type) where.push(sql`e.type_key = ${q.type}`);
  if (q.city)
    where.push(sql`exists (select 1 from unnest(e.cities) c where lower(c) = ${q.city.toLowerCase()})`);
  if (q.venueId) where.push(sql`${q.venueId}::uuid = any(e.venue_ids)`);
  if (q.from || q.to) {
    const from = q.from ? dateBound(q.from, false) : new Date();
    const to = q.to ? dateBound(q.to, true) : new Date('9999-12-31T00:00:00Z');
    where.push(
      sql`exists (select 1 from sessions s where s.event_id = e.id and s.status = 'published' and s.starts_at >= ${from.toISOString()}::timestamptz and s.starts_at < ${to.toISOString()}::timestamptz)`,
    );
  }
  if (q.priceMax !== undefined) where.push(sql`e.price_min_cents <= ${q.priceMax}`);
  if (q.priceMin !== undefined) where.push(sql`e.price_max_cents >= ${q.priceMin}`);

  const sort = q.sort ?? (text ? 'relevance' : 'date');
  const order: Record<string, SQL> = {
    relevance: sql`rank desc, e.next_session_at asc nulls last, e.id`,
    date: sql`e.next_session_at asc nulls last, e.id`,
    price: sql`e.price_min_cents asc nulls last, e.next_session_at asc, e.id`,
    popularity: sql`e.sold_ratio desc, e.next_session_at asc nulls last, e.id`,
  };

  return sql`
    select e.id, e.title, e.image_url, e.tags, e.type_key, t.label as type_label, e.cities, e.venue_names,
      e.next_session_at, e.session_count, e.price_min_cents, e.currency, e.sold_ratio,
      ${rank} as rank, count(*) over () as total
    from events e
    join event_types t on t.key = e.type_key
    where ${sql.join(where, sql` and `)}
    order by ${order[sort]}
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`;
}
