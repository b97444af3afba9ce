export * from './auth.ts';
export * from './health.ts';
export * from './problem.ts';
