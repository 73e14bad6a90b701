// `octroi start [--demo]` and `octroi demo`: the two commands that need the whole application.
import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemo } from '../features/demo/loadDemo.ts';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';
import { commandConfig } from './commandContext.ts';

export async function startCommand(args: string[]): Promise<number> {
  const demo = parseArgs({ args, options: { demo: { type: 'boolean', default: false } } }).values.demo ?? false;
  const config = loadConfig();
  const began = performance.now();
  const app = await buildApp(config);
  const loaded = demo ? await loadDemo(app) : false;
  app.startClock();
  const url = await app.server.listen({ port: config.port, host: config.host });
  const lines = [
    `Octroi is running at ${url} (${app.database.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}), ready in ${Math.round(performance.now() - began)} ms.`,
  ];
  if (demo) {
    lines.push(
      loaded
        ? 'Demo data loaded. Demo accounts (password ' + DEMO_PASSWORD + '):'
        : `Demo accounts (password ${DEMO_PASSWORD}):`,
    );
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.label.padEnd(18)} ${a.email}`);
  }
  if (!config.smtpUrl) lines.push(`No SMTP_URL: mails are written to ${app.mail.folder}`);
  if (config.databaseUrl && !process.env.COOKIE_SECRET)
    lines.push('No COOKIE_SECRET: this instance signs cookies with a secret of its own; give every instance the same.');
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

export async function demoCommand(): Promise<number> {
  const config = commandConfig();
  const app = await buildApp(config, { log: await createLogger(config.logLevel, 2) });
  const loaded = await loadDemo(app);
  await app.close();
  process.stdout.write(JSON.stringify({ loaded, accounts: DEMO_ACCOUNTS.map((a) => a.email) }) + '\n');
  return 0;
}
