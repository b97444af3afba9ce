import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const production = {
  NODE_ENV: 'production',
  APP_SECRET: 'a-long-random-production-secret-0123456789',
  DATABASE_URL: 'postgres://db/ticketing',
  REDIS_URL: 'redis://redis:6379',
};

describe('configuration in production', () => {
  it('refuses to start a full process without the ticket signing key, naming it', () => {
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(/TICKET_SIGNING_KEY/);
  });

  it('starts a queue edge without the ticket key (it signs no tickets), never without the app secret', () => {
    const edge = loadConfig(production, { role: 'queue-edge' });
    expect(edge.tickets.signingKey).toBeNull();
    expect(edge.redis?.url).toBe('redis://redis:6379');
    const { APP_SECRET: _, ...noSecret } = production;
    expect(() => loadConfig(noSecret, { role: 'queue-edge' })).toThrow(/APP_SECRET/);
  });
});
