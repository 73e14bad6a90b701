// Browser tests drive a real Chromium against a real, listening Octroi: what the user sees, the
// keyboard, the no-JavaScript path and accessibility (axe) are checked where inject() cannot see.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The named export: the package's types describe its CommonJS build, whose default TypeScript cannot see under NodeNext.
import { AxeBuilder } from '@axe-core/playwright';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { buildApp, type App } from '../../src/app.ts';
import { loadDemo } from '../../src/features/demo/loadDemo.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { readMailFolder, type ReceivedMail } from './mailbox.ts';

export interface RunningOctroi {
  /** Where the browser goes, without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  app: App;
  /** Mails delivered so far to this address, oldest first. */
  mailsTo(email: string): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** A port nobody uses right now: the links in mails need the real address before the app is built. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

/** Octroi as people run it (PGlite persisted in a fresh data folder, mails written there), listening. */
export async function startOctroi(opts: { demo?: boolean; host?: 'localhost' } = {}): Promise<RunningOctroi> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-browser-'));
  const port = await freePort();
  // WebAuthn wants a domain name, not an address: passkey tests reach Octroi as localhost.
  const url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  const config = loadConfig({ LOG_LEVEL: 'silent' }, { dataDir, port, cookieSecret: 'x'.repeat(32), publicUrl: url });
  const app = await buildApp(config);
  try {
    if (opts.demo) await loadDemo(app);
    await app.server.listen({ port, host: '127.0.0.1' });
  } catch (error) {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    app,
    async mailsTo(email) {
      await app.mail.flush();
      return readMailFolder(app.mail.folder).filter((m) => m.to.includes(email));
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, never a downloaded one; flags keep it quiet and offline apart from our server. */
/**
 * The pages a test file opens, each in a context of its own (its own cookies), in English unless the
 * options say otherwise; `closeAll` after each test closes them. The browser is read when a page is
 * opened: files launch it in `before`.
 */
export function browserPages(browser: () => Browser) {
  let contexts: BrowserContext[] = [];
  return {
    async englishPage(options: BrowserContextOptions = {}): Promise<Page> {
      const context = await browser().newContext({
        locale: 'en-BE',
        extraHTTPHeaders: { 'accept-language': 'en-BE,en;q=0.9' },
        ...options,
      });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context.newPage();
    },
    async closeAll(): Promise<void> {
      await Promise.all(contexts.map((c) => c.close()));
      contexts = [];
    },
  };
}

/**
 * Clicks a form's button (given, or named exactly) and waits for the page it leads to: with or
 * without JavaScript, a form's answer is a navigation of the main frame.
 */
export async function submitWith(page: Page, button: Locator | string): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
  await (typeof button === 'string' ? page.getByRole('button', { name: button, exact: true }) : button).click();
  await navigated;
  await page.waitForLoadState('load');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * Whether the page runs scripts: the HTML parser reads a <noscript>'s content as markup only when scripting is
 * off, and Playwright does not say how a context was opened.
 */
async function runsScripts(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = document.createElement('div');
    probe.innerHTML = '<noscript><p></p></noscript>';
    return probe.querySelector('noscript p') === null;
  });
}

const analyze = (page: Page) =>
  new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();

/**
 * Axe, also on a page opened without JavaScript. Axe settles each rule in a setTimeout, which never fires in a
 * page whose scripts are off: its analysis would never return there (scripts cannot be switched back on for a
 * while, Playwright's setting wins). So the page's HTML as served is checked in a copy at the same address that
 * runs axe but, by its content security policy, none of the page's own scripts; its stylesheets load from the
 * server. Only a <noscript>'s content, which a browser with scripts reads as text, goes unchecked there.
 */
async function axeResults(page: Page) {
  if (await runsScripts(page)) return analyze(page);
  const html = await page.content();
  const address = page.url().split('#')[0]!;
  const twin = await page.context().browser()!.newContext();
  try {
    const copy = await twin.newPage();
    await copy.route(
      (url) => url.href === address,
      (route) =>
        route.fulfill({
          body: html,
          contentType: 'text/html; charset=utf-8',
          headers: { 'content-security-policy': "script-src 'none'" },
        }),
    );
    await copy.goto(address);
    return await analyze(copy);
  } finally {
    await twin.close();
  }
}

/** WCAG 2.1 A and AA as axe checks them; the error lists every violation with where it is. */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const { violations } = await axeResults(page);
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const targets = v.nodes.map((n) => `      ${n.target.join(' ')}`).join('\n');
    return `  - ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n${targets}`;
  });
  throw new Error(`Accessibility violations on ${label} (${page.url()}):\n${lines.join('\n')}`);
}

/** Text as a reader compares it: every kind of space (U+00A0, U+202F…) as one plain space. */
export function normalizeSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Waits for the page whose main heading is `name`: how a test knows the next page has arrived. */
export async function expectH1(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/**
 * The input labelled `label`, whether or not it is marked "(required)"; the label must start with
 * it and be followed by nothing else ("Password" must not find "Password again").
 */
export function field(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}(\\s*\\(required\\))?$`));
}

/** The page's message (a status that is a child of main; a section's save status is another, in its form). */
export async function flash(page: Page): Promise<string> {
  const status = page.getByRole('main').getByRole('status').and(page.locator('main > *'));
  await status.waitFor();
  return normalizeSpaces(await status.innerText());
}
