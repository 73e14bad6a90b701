import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.ts';

test('defaults give an embedded database in ./data and a secret kept in the data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-config-'));
  const config = loadConfig({ DATA_DIR: dataDir });
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.port, 3000);
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.secureCookies, false);
  assert.equal(config.cookieSecret, readFileSync(join(dataDir, 'cookie-secret'), 'utf8'));
  assert.equal(
    loadConfig({ DATA_DIR: dataDir }).cookieSecret,
    config.cookieSecret,
    'the same secret on the next start',
  );
});

test('wrong values stop the start with a message naming each variable', () => {
  assert.throws(
    () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://mail',
        LOG_LEVEL: 'loud',
        COOKIE_SECRET: 'short',
      }),
    (e: unknown) =>
      e instanceof ConfigError &&
      [
        'PORT',
        'DATABASE_URL: must be a postgres',
        'SMTP_URL: must be an smtp',
        'LOG_LEVEL',
        'COOKIE_SECRET: must be at least 32',
      ].every((part) => e.message.includes(part)),
  );
});

test('an https public address turns on secure cookies; empty variables count as unset', () => {
  const config = loadConfig({
    PUBLIC_URL: 'https://octroi.brussels/',
    DATABASE_URL: '',
    COOKIE_SECRET: 'k'.repeat(40),
  });
  assert.equal(config.publicUrl, 'https://octroi.brussels');
  assert.equal(config.secureCookies, true);
  assert.equal(config.databaseUrl, undefined);
});
