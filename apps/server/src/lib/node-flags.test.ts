import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingServerFlags, SERVER_NODE_FLAGS } from './node-flags.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

describe('server node flags', () => {
  it('are on every command that starts a server process', () => {
    for (const name of ['start', 'start:queue-edge']) {
      const command = scripts[name]!;
      for (const flag of SERVER_NODE_FLAGS) expect(command, name).toContain(`node ${flag} `);
    }
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const production = readme.slice(readme.indexOf('## Production mode'));
    for (const flag of SERVER_NODE_FLAGS)
      expect(production).toContain(`node ${flag} --import tsx apps/server/src/main.ts`);
  });

  it('are reported when missing from a command line', () => {
    expect(missingServerFlags(['--import', 'tsx'])).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingServerFlags([...SERVER_NODE_FLAGS, '--import', 'tsx'])).toEqual([]);
  });
});
