// The `octroi` command. Commands that report data print JSON on stdout and nothing else there;
// logs and messages for people go to stderr.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildApp } from '../app.ts';
import { allocateCommand } from './allocateCommand.ts';
import { assignCommand } from './assignCommand.ts';
import { calibrateCommand } from './calibrateCommand.ts';
import { loadDemo, DEMO_ACCOUNTS, DEMO_PASSWORD } from '../features/demo/loadDemo.ts';
import { verifyAuditChain, type ChainReport } from '../platform/audit/audit.ts';
import { auditAnchors } from '../auditAnchors.ts';
import { ConfigError, loadConfig, type Config } from '../platform/config.ts';
import { openDatabase } from '../platform/db/client.ts';

const USAGE = `Usage: octroi <command>
  start [--demo]                    start the server (--demo: load the demo data once)
  migrate                           create or update the database schema
  demo                              load the demo data (once)
  admin create --email E [--name N] [--password P]
                                    create an administrator of the installation
  audit verify                      check the audit trail's hash chain against its checkpoints
  assign --input FILE               best juror assignment (JSON in, JSON out)
  calibrate --input FILE            raw and calibrated scores, juror offsets (JSON in, JSON out)
  allocate --input FILE             selection within budget (JSON in, JSON out)`;

/** Commands that compute from a file and touch neither the configuration nor the database. */
const PURE_COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  assign: assignCommand,
  calibrate: calibrateCommand,
  allocate: allocateCommand,
};

class UsageError extends Error {}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const pure = command ? PURE_COMMANDS[command] : undefined;
  if (pure) return pure(rest);
  // Outside `start`, only warnings are logged unless asked: logs must not drown the JSON printed.
  const config = loadConfig(
    command === 'start' || process.env.LOG_LEVEL ? process.env : { ...process.env, LOG_LEVEL: 'warn' },
  );
  switch (command) {
    case 'start':
      return start(
        config,
        parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } }).values.demo ?? false,
      );
    case 'migrate': {
      const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      await db.migrate();
      await db.close();
      console.error(`Database ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`} is up to date.`);
      return 0;
    }
    case 'demo': {
      const app = await buildApp(config);
      const loaded = await loadDemo(app);
      await app.close();
      process.stdout.write(JSON.stringify({ loaded, accounts: DEMO_ACCOUNTS.map((a) => a.email) }) + '\n');
      return 0;
    }
    case 'admin':
      return adminCreate(config, rest);
    case 'audit': {
      if (rest[0] !== 'verify') throw new UsageError(`unknown audit command: ${rest[0] ?? '(none)'}`);
      const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
      await db.migrate();
      const report = await verifyAuditChain(db.db, await auditAnchors(db.db, config.dataDir));
      await db.close();
      process.stdout.write(JSON.stringify(report) + '\n');
      if (!report.ok) console.error(auditProblem(report));
      return report.ok ? 0 : 1;
    }
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'no command given');
  }
}

/** What a broken audit trail report means, for the person who ran the check. */
function auditProblem(report: Exclude<ChainReport, { ok: true }>): string {
  switch (report.problem) {
    case 'hash-mismatch':
    case 'prev-hash-mismatch':
      return `Audit trail broken at row ${report.brokenAt} (${report.problem}); the ${report.rows} rows before it are intact.`;
    case 'rows-missing-at-end':
      return `Audit trail cut short: it ends at row ${report.lastSeq ?? '(none: it is empty)'}, but the ${report.anchor.source} records row ${report.anchor.seq}. Rows were removed at its end.`;
    case 'anchor-mismatch':
      return `Audit trail rewritten: row ${report.anchor.seq} is missing or differs from what the ${report.anchor.source} records; the ${report.rows} rows before it are intact.`;
  }
}

async function start(config: Config, demo: boolean): Promise<number> {
  const began = performance.now();
  const app = await buildApp(config);
  const loaded = demo ? await loadDemo(app) : false;
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
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

async function adminCreate(config: Config, args: string[]): Promise<number> {
  if (args[0] !== 'create') throw new UsageError(`unknown admin command: ${args[0] ?? '(none)'}`);
  const { values } = parseArgs({
    args: args.slice(1),
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
    throw new UsageError('--email must be an email address');
  if (values.password !== undefined && values.password.length < 10)
    throw new UsageError('--password must have at least 10 characters');
  const password = values.password ?? randomBytes(12).toString('base64url');
  const app = await buildApp(config);
  const result = await app.services.accounts.provisionUser({
    email: values.email,
    displayName: values.name ?? values.email.split('@')[0]!,
    password,
    locale: 'fr',
    platformAdmin: true,
  });
  await app.close();
  process.stdout.write(
    JSON.stringify({
      email: values.email.toLowerCase(),
      created: result.created,
      ...(result.created && !values.password ? { password } : {}),
    }) + '\n',
  );
  if (!result.created)
    console.error(
      'This account already existed: it is now an administrator of the installation; its password is unchanged.',
    );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`octroi: ${error.message}\n\n${error instanceof UsageError ? USAGE : ''}`);
      process.exit(2);
    }
    console.error(error);
    process.exit(1);
  },
);
