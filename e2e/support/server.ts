import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../../apps/server/test/server-process.ts';

export type RunningServer = { url: string; dataDir: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts the real server the way `npm start` does (built web app, embedded PGlite in a fresh
 * DATA_DIR unless env says otherwise) and waits until /api/health answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tk-e2e-'));
  const server = await startServerProcess({ NODE_ENV: 'development', DATA_DIR: dataDir, ...env });
  return {
    url: server.url,
    dataDir,
    output: server.output,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
