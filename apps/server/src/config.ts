import { z } from 'zod';

/**
 * The whole process configuration, parsed once from the environment. Anything wrong stops the
 * process at start with a message that names the variable; production never runs on a default secret.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  // At least 2: the job runner holds one connection (a start-up lock) while pg-boss uses another.
  DB_POOL_MAX: z.coerce.number().int().min(2).max(500).default(20),
  DATA_DIR: z.string().min(1).default('var'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  REDIS_KEY_PREFIX: z.string().default('tk:'),
  APP_SECRET: z.string().optional(),
  COOKIE_SECURE: bool.optional(),
  TRUST_PROXY: bool.default(false),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  SEED_DEMO: z.enum(['auto', 'true', 'false']).default('auto'),
  SERVE_WEB: bool.default(true),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).optional(),
  TICKET_SIGNING_KEY: z.string().min(1).optional(),
  TICKET_PUBLIC_KEY: z.string().min(1).optional(),
  TICKET_WORKERS: bool.default(true),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  logLevel: string;
  database: { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string | null };
  dataDir: string;
  redis: { url: string; keyPrefix: string } | null;
  /** HMAC key material for tokens this server signs; generated into DATA_DIR outside production. */
  appSecret: string | null;
  cookieSecure: boolean;
  trustProxy: boolean;
  bodyLimitBytes: number;
  seedDemo: 'auto' | 'true' | 'false';
  serveWeb: boolean;
  /** Outgoing mail: SMTP when smtpUrl is set, else the local outbox under DATA_DIR (dev mailbox). */
  mail: { smtpUrl: string | null; from: string };
  /**
   * Ed25519 ticket signing key (PEM or base64 DER); generated into DATA_DIR outside production.
   * `workers`: this process renders and sends ticket emails (TICKET_WORKERS, default true); turn it
   * off in web processes when other processes (or machines) do the delivery.
   */
  tickets: { signingKey: string | null; publicKey: string | null; workers: boolean };
  /**
   * Bearer token that GET /metrics requires when set. In production /metrics is off without one;
   * elsewhere it is open unless one is set.
   */
  metricsToken: string | null;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const PLACEHOLDER_SECRETS = /^(change-?me|secret|password|changeme|dev|test|example|x+)$/i;

/**
 * `role`: a queue edge (queue-edge.ts) signs no tickets, so production does not ask it for the
 * ticket signing key.
 */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  opts: { role?: 'full' | 'queue-edge' } = {},
): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';

  if (production) {
    const problems: string[] = [];
    if (!e.APP_SECRET) problems.push('APP_SECRET is required in production (at least 32 random characters)');
    else if (e.APP_SECRET.length < 32 || PLACEHOLDER_SECRETS.test(e.APP_SECRET))
      problems.push('APP_SECRET must be at least 32 random characters, not a placeholder');
    if (!e.TICKET_SIGNING_KEY && opts.role !== 'queue-edge')
      problems.push(
        'TICKET_SIGNING_KEY is required in production (an Ed25519 private key, PEM or base64 DER)',
      );
    if (problems.length)
      throw new ConfigError(`Refusing to start in production:\n  ${problems.join('\n  ')}`);
  } else if (e.APP_SECRET !== undefined && e.APP_SECRET.length < 32) {
    throw new ConfigError('APP_SECRET must be at least 32 characters when set');
  }

  const port = e.PORT;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    env: e.NODE_ENV,
    host: e.HOST ?? (production ? '0.0.0.0' : '127.0.0.1'),
    port,
    publicUrl,
    logLevel: e.LOG_LEVEL,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX }
      : { kind: 'pglite', dataDir: `${e.DATA_DIR}/pglite` },
    dataDir: e.DATA_DIR,
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : null,
    appSecret: e.APP_SECRET ?? null,
    cookieSecure: e.COOKIE_SECURE ?? production,
    trustProxy: e.TRUST_PROXY,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    seedDemo: e.SEED_DEMO,
    serveWeb: e.SERVE_WEB,
    mail: {
      smtpUrl: e.SMTP_URL ?? null,
      from: e.MAIL_FROM ?? `Ticketing <tickets@${new URL(publicUrl).hostname}>`,
    },
    tickets: {
      signingKey: e.TICKET_SIGNING_KEY ?? null,
      publicKey: e.TICKET_PUBLIC_KEY ?? null,
      workers: e.TICKET_WORKERS,
    },
    metricsToken: e.METRICS_TOKEN ?? null,
  };
}
