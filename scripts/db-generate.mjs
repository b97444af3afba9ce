// Generates a SQL migration from apps/server/src/db/schema.ts with drizzle-kit.
// npm keeps drizzle-orm inside apps/server/node_modules (peer-dependency placement), where the
// hoisted drizzle-kit cannot import it; link it beside drizzle-kit for the duration of the run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const serverDir = path.join(root, 'apps/server');
const hoisted = path.join(root, 'node_modules/drizzle-orm');
const local = path.join(serverDir, 'node_modules/drizzle-orm');
const linked = !fs.existsSync(hoisted) && fs.existsSync(local);
if (linked) fs.symlinkSync(local, hoisted, 'dir');
try {
  const args = ['drizzle-kit', 'generate', ...process.argv.slice(2)];
  const r = spawnSync('npx', args, { cwd: serverDir, stdio: 'inherit' });
  process.exitCode = r.status ?? 1;
} finally {
  if (linked) fs.unlinkSync(hoisted);
}
