// `npm test`: builds the web app (the browser tests use the production bundle), runs every Vitest
// project (unit, integration, e2e) and ends with one plain "N passed, N failed" line for CI.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (run('npm', ['run', 'build:web', '--silent']) !== 0) {
  console.error('web build failed');
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tk-vitest-')), 'report.json');
const status = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
]);

let summary = null;
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  // A file that fails to load (e.g. a required service is missing in CI) counts as a failure.
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  summary = {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: r.numPendingTests + r.numTodoTests,
  };
} catch {
  // No report: vitest itself failed to start.
}
if (summary) {
  console.log(`\ntests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`);
} else {
  console.log('\ntests: 0 passed, 1 failed');
}
process.exit(status === 0 && summary && summary.failed === 0 ? 0 : 1);
