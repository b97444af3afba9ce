import fs from 'node:fs';
import path from 'node:path';
import { bookingBench } from './booking.ts';
import { catalogBench } from './catalog.ts';
import { idleHeapBench } from './idle-heap.ts';
import { mapBench } from './map.ts';
import { monitoringBench } from './monitoring.ts';
import { queueBench } from './queue.ts';
import { queueJoinsBench } from './queue-joins.ts';
import { queuePollsBench } from './queue-polls.ts';
import { ticketsBench } from './tickets.ts';

/**
 * `npm run bench [-- name…]`: runs the scenarios, prints their tables and writes them to
 * bench/out/<name>.md, from which docs/BENCHMARKS.md is updated.
 */
const scenarios: Record<string, () => Promise<{ markdown: string }>> = {
  catalog: catalogBench,
  booking: bookingBench,
  map: mapBench,
  tickets: ticketsBench,
  monitoring: monitoringBench,
  queue: queueBench,
  'queue-polls': queuePollsBench,
  'queue-joins': queueJoinsBench,
  'idle-heap': idleHeapBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(scenarios);
const outDir = path.resolve(import.meta.dirname, 'out');
fs.mkdirSync(outDir, { recursive: true });
for (const name of names) {
  const scenario = scenarios[name];
  if (!scenario) {
    console.error(`unknown scenario ${name}; known: ${Object.keys(scenarios).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n== ${name}`);
  const { markdown } = await scenario();
  console.log(`\n${markdown}\n`);
  fs.writeFileSync(path.join(outDir, `${name}.md`), `${markdown}\n`);
}
