/**
 * On SIGINT or SIGTERM: stop taking requests and close the HTTP server, then the coordinator and
 * the database, and exit; if that takes more than 10 s, exit anyway (the load balancer has moved on).
 * Shared by both kinds of process (main.ts, queue-edge-main.ts).
 */
export function exitOnSignals(
  log: { info(obj: object, msg: string): void },
  closers: { close(): Promise<unknown> }[],
) {
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    for (const part of closers) await part.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
