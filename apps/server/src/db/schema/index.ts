export * from './accounts.ts';
export * from './booking.ts';
export * from './catalog.ts';
export * from './inventory.ts';
export * from './testpay.ts';
export * from './tickets.ts';
