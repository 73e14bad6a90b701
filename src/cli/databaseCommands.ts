// `octroi migrate` and `octroi audit verify`: the database alone, without the server.
import { verifyAuditChain } from '../platform/audit/audit.ts';
import { openDatabase } from '../platform/db/client.ts';
import { commandConfig } from './commandContext.ts';
import { UsageError } from './usage.ts';

export async function migrateCommand(): Promise<number> {
  const config = commandConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.migrate();
  await db.close();
  console.error(`Database ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`} is up to date.`);
  return 0;
}

export async function auditCommand(args: string[]): Promise<number> {
  if (args[0] !== 'verify') throw new UsageError(`unknown audit command: ${args[0] ?? '(none)'}`);
  const config = commandConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.migrate();
  const report = await verifyAuditChain(db.db);
  await db.close();
  process.stdout.write(JSON.stringify(report) + '\n');
  if (!report.ok)
    console.error(
      `Audit trail broken at row ${report.brokenAt} (${report.problem}); the ${report.rows} rows before it are intact.`,
    );
  return report.ok ? 0 : 1;
}
