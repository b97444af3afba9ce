export * from './admin-catalog.ts';
export * from './auth.ts';
export * from './booking.ts';
export * from './catalog.ts';
export * from './health.ts';
export * from './monitoring.ts';
export * from './problem.ts';
export * from './queue.ts';
