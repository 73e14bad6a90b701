import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.ts';
import type { Actor } from '../../src/domain/access.ts';
import { loadConfig } from '../../src/platform/config.ts';
import type { Backend } from './databases.ts';
import { readMailFolder, type ReceivedMail } from './mailbox.ts';

export interface TestApp extends App {
  dataDir: string;
  /** Mails delivered so far to this address, oldest first. */
  mailsTo(email: string): Promise<ReceivedMail[]>;
  agent(): Agent;
  /** A confirmed account, signed in through the real form; returns its agent and actor. */
  signedIn(opts?: { email?: string; platformAdmin?: boolean }): Promise<{ agent: Agent; actor: Actor; email: string }>;
}

const PASSWORD = 'correct horse battery';
let counter = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}-${process.pid}-${++counter}@example.org`;

/** An Octroi on the given backend with its own data folder (for mails), closed after the suite. */
export async function buildTestApp(backend: Backend): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-test-'));
  const database = await backend.open();
  const config = loadConfig(
    { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' },
    { dataDir, publicUrl: 'http://octroi.test', cookieSecret: 'x'.repeat(32) },
  );
  const app = await buildApp(config, { database });
  const testApp: TestApp = {
    ...app,
    dataDir,
    async mailsTo(email) {
      await app.mail.flush();
      return readMailFolder(app.mail.folder).filter((m) => m.to.includes(email));
    },
    agent: () => new Agent(app),
    async signedIn(opts = {}) {
      const email = opts.email ?? uniqueEmail();
      const { id } = await app.services.accounts.provisionUser({
        email,
        displayName: 'Test Person',
        password: PASSWORD,
        locale: 'en',
        platformAdmin: !!opts.platformAdmin,
      });
      const agent = new Agent(app);
      const res = await agent.submit('/sign-in', { email, password: PASSWORD });
      if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`);
      return { agent, actor: { userId: id, isPlatformAdmin: !!opts.platformAdmin, grants: [] }, email };
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

export { PASSWORD };

/**
 * A browser stand-in over fastify.inject: it keeps cookies, fetches a form's page to get its CSRF
 * token the way a browser would, and comes from an address of its own (rate limits count per address).
 */
export class Agent {
  readonly cookies = new Map<string, string>();
  readonly remoteAddress = `10.${counter % 250}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
  constructor(private readonly app: App) {}

  async request(opts: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.app.server.inject({
      remoteAddress: this.remoteAddress,
      ...opts,
      cookies: { ...Object.fromEntries(this.cookies), ...(opts.cookies ?? {}) },
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** The CSRF token of the first form on a page, as a browser would send it. */
  async csrfFrom(page: string): Promise<string> {
    const res = await this.get(page);
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (!token) throw new Error(`no CSRF token on ${page} (status ${res.statusCode})`);
    return token;
  }

  /** Sends a multipart form with one file, as a browser does for an upload form. */
  async submitFile(
    action: string,
    fields: Record<string, string>,
    file: { field: string; name: string; bytes: Buffer; type?: string },
    opts: { from: string; headers?: Record<string, string> },
  ) {
    const _csrf = await this.csrfFrom(opts.from);
    const boundary = `----octroi${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [name, value] of Object.entries({ _csrf, ...fields })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.request({
      method: 'POST',
      url: action,
      payload: Buffer.concat(parts),
      headers: { ...opts.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
  }

  /** Submits a form as a browser does: token from the form's page (`from`, by default the action itself). */
  async submit(
    action: string,
    fields: Record<string, string | string[]>,
    opts: { from?: string; headers?: Record<string, string> } = {},
  ) {
    const _csrf = await this.csrfFrom(opts.from ?? action.split('?')[0]!);
    // Repeated names (ticked checkboxes) are sent as a browser sends them: once per value.
    const body = new URLSearchParams({ _csrf });
    for (const [name, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
    return this.request({
      method: 'POST',
      url: action,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.headers ?? {}) },
    });
  }
}
