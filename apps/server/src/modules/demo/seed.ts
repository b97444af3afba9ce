import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../../app.ts';
import { seedDemoCatalog } from './catalog-seed.ts';
import { rearmDemoOnSale } from './on-sale.ts';

export const DEMO_ADMIN_EMAIL = 'admin@demo.ticketing.local';

/**
 * Fills an empty embedded database with demo data: the demo catalog, and an admin whose password is
 * random, printed once and kept in DATA_DIR/demo-admin.txt so it can be found again.
 */
export async function seedDemo(
  services: Services,
  opts: { dataDir: string; log: FastifyBaseLogger; rearmOnSale?: boolean },
) {
  if ((await services.catalog.listAdminEvents({ page: 1, pageSize: 1 })).total === 0) {
    const started = performance.now();
    const counts = await seedDemoCatalog(services);
    opts.log.info({ ...counts, ms: Math.round(performance.now() - started) }, 'demo catalog seeded');
  }
  if (opts.rearmOnSale) {
    const onSale = await rearmDemoOnSale(services);
    if (onSale)
      opts.log.info(
        { sessionId: onSale.sessionId, salesOpenAt: onSale.salesOpenAt.toISOString() },
        'demo on-sale: the waiting room is open; sales open at the time shown',
      );
  }
  if ((await services.accounts.countUsers()) > 0) return;
  const password = randomBytes(9).toString('base64url');
  await services.accounts.ensureAccount({
    email: DEMO_ADMIN_EMAIL,
    password,
    name: 'Demo Admin',
    role: 'admin',
  });
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const file = path.join(opts.dataDir, 'demo-admin.txt');
  fs.writeFileSync(file, `email: ${DEMO_ADMIN_EMAIL}\npassword: ${password}\n`, { mode: 0o600 });
  const banner = [
    '',
    '  Demo admin account created (first start):',
    `    email:    ${DEMO_ADMIN_EMAIL}`,
    `    password: ${password}`,
    `  (kept in ${file})`,
    '',
  ].join('\n');
  process.stdout.write(`${banner}\n`);
  opts.log.info({ email: DEMO_ADMIN_EMAIL, file }, 'demo admin created');
}
