import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional(),
  MAIL_FROM: z.string().min(3).default('Octroi <no-reply@octroi.localhost>'),
  COOKIE_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  TRUST_PROXY: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  CLOCK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // 360Giving asks each publisher to register a prefix; grant identifiers in the open data start with it.
  OPEN_DATA_PREFIX: z
    .string()
    .regex(/^360G-[A-Za-z0-9_-]+$/, 'must look like 360G-yourorg')
    .default('360G-octroi'),
  // Webhook endpoints must be https; plain http only for a receiver on the same machine or network in testing.
  WEBHOOKS_ALLOW_HTTP: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  cookieSecret: string;
  logLevel: (typeof LOG_LEVELS)[number];
  secureCookies: boolean;
  /** Behind a reverse proxy, the client's address is taken from X-Forwarded-For (rate limits use it). */
  trustProxy: boolean;
  /** The registered 360Giving prefix of this installation's open data. */
  openDataPrefix: string;
  /** Bearer token that opens /metrics to other machines; without it, only loopback may read it. */
  metricsToken: string | undefined;
  /** How often the clock closes calls, sends reminders and writes owed letters. */
  clockSeconds: number;
  /** Whether webhook endpoints may be plain http (WEBHOOKS_ALLOW_HTTP); https only by default. */
  webhooksAllowHttp: boolean;
}

export class ConfigError extends Error {}

/**
 * Reads and validates the environment once, at start. A wrong value stops Octroi with a message
 * naming the variable, rather than failing later on the first request that needs it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(overrides.dataDir ?? e.DATA_DIR);
  const port = overrides.port ?? e.PORT;
  const publicUrl = (overrides.publicUrl ?? e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '');
  return {
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    secureCookies: publicUrl.startsWith('https://'),
    trustProxy: e.TRUST_PROXY === 'true',
    openDataPrefix: e.OPEN_DATA_PREFIX,
    metricsToken: e.METRICS_TOKEN,
    clockSeconds: e.CLOCK_SECONDS,
    webhooksAllowHttp: e.WEBHOOKS_ALLOW_HTTP === 'true',
    ...overrides,
    dataDir,
    publicUrl,
    cookieSecret: overrides.cookieSecret ?? e.COOKIE_SECRET ?? persistedSecret(dataDir),
  };
}

/** Without COOKIE_SECRET, a random secret is kept in the data folder so sessions survive restarts. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, 'cookie-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
