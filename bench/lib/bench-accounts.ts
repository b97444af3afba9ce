import pg from 'pg';

/**
 * Signed-in accounts in bulk for load tests: users and login sessions written straight into the
 * database (argon2 sign-ups would take minutes for 100k people). The cookie of account i is
 * `sid=bench-<i>`; the stored hash is what the accounts module computes (SHA-256, base64url).
 */
export async function insertBenchAccounts(url: string, count: number, batch = 50_000) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    for (let from = 1; from <= count; from += batch) {
      const to = Math.min(count, from + batch - 1);
      await c.query(
        `with u as (
           insert into users (email, name, password_hash, role)
           select 'bench-' || i || '@example.com', 'Bench ' || i, 'not-a-password-hash', 'user'
           from generate_series($1::int, $2::int) i
           returning id, email)
         insert into auth_sessions (token_hash, user_id, expires_at)
         select translate(encode(sha256(convert_to('bench-' || split_part(split_part(u.email, '@', 1), '-', 2), 'UTF8')), 'base64'), '+/=', '-_'),
                u.id, now() + interval '1 day'
         from u`,
        [from, to],
      );
    }
  } finally {
    await c.end();
  }
}

export const benchCookie = (i: number) => `sid=bench-${i}`;
