import { parseArgs } from 'node:util';
import { Email, NewPassword } from '@ticketing/contracts';
import { z } from 'zod';
import { buildServices } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createCoordinator } from '../coord/index.ts';
import { openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

/** npm run admin:create -- --email a@b.c --password '…' [--name 'Ada'] [--role staff] */
const Args = z.object({
  email: Email,
  password: NewPassword,
  name: z.string().trim().min(1).max(100).default('Administrator'),
  role: z.enum(['admin', 'staff']).default('admin'),
});

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
    },
  });
  const parsed = Args.safeParse(values);
  if (!parsed.success) {
    for (const i of parsed.error.issues) process.stderr.write(`--${i.path.join('.')}: ${i.message}\n`);
    process.stderr.write(
      "usage: npm run admin:create -- --email you@example.com --password '…' [--name …]\n",
    );
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await runMigrations(database);
  const coord = await createCoordinator({});
  const services = buildServices({ database, coord, config });
  const { user, created } = await services.accounts.ensureAccount(parsed.data);
  process.stdout.write(`${created ? 'Created' : 'Updated'} ${user.role} ${user.email} (${database.kind})\n`);
  await coord.close();
  await database.close();
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
});
