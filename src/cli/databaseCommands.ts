// `octroi migrate` and `octroi audit verify`: the database alone, without the server.
import { auditAnchors } from '../auditAnchors.ts';
import { verifyAuditChain, type ChainReport } from '../platform/audit/audit.ts';
import { openDatabase } from '../platform/db/client.ts';
import { commandConfig } from './commandContext.ts';
import { UsageError } from './usage.ts';

export async function migrateCommand(): Promise<number> {
  const config = commandConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, brief: true });
  await db.migrate();
  await db.close();
  console.error(`Database ${db.kind === 'postgres' ? 'PostgreSQL' : `PGlite in ${config.dataDir}`} is up to date.`);
  return 0;
}

export async function auditCommand(args: string[]): Promise<number> {
  if (args[0] !== 'verify') throw new UsageError(`unknown audit command: ${args[0] ?? '(none)'}`);
  const config = commandConfig();
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, brief: true });
  await db.migrate();
  const report = await verifyAuditChain(db.db, await auditAnchors(db.db, config.dataDir));
  await db.close();
  process.stdout.write(JSON.stringify(report) + '\n');
  if (!report.ok) console.error(auditProblem(report));
  return report.ok ? 0 : 1;
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
