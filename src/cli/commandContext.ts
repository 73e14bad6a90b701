// What the commands that touch the database share: the configuration, read with quieter logs, and
// the platform pieces a command's service needs, without the HTTP server or the features.
import { createAuditCheckpoints } from '../platform/audit/checkpoints.ts';
import { loadConfig, type Config } from '../platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/client.ts';
import type { CommandDeps } from '../platform/db/unitOfWork.ts';
import { createLogger } from '../platform/logger.ts';
import { createMailDelivery } from '../platform/mail/outbox.ts';

/** The configuration; outside `start`, only warnings are logged unless LOG_LEVEL asks for more. */
export function commandConfig(): Config {
  return loadConfig(process.env.LOG_LEVEL ? process.env : { ...process.env, LOG_LEVEL: 'warn' });
}

export interface CommandRuntime {
  config: Config;
  database: DatabaseHandle;
  deps: CommandDeps;
  close(): Promise<void>;
}

/** The migrated database and what a command needs around it; logs go to stderr, stdout being the answer. */
export async function openCommandRuntime(config: Config = commandConfig()): Promise<CommandRuntime> {
  const log = await createLogger(config.logLevel, 2);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, brief: true });
  await database.migrate();
  const mail = createMailDelivery({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
    log,
  });
  return {
    config,
    database,
    deps: { db: database.db, mail, publicUrl: config.publicUrl, log },
    async close() {
      await mail.flush().catch(() => undefined);
      // As when the server stops: the chain's head, kept outside its table, so that rows removed
      // afterwards are found by the next verification.
      await createAuditCheckpoints({ db: database.db, dir: config.dataDir, log })
        .write(new Date(), { force: true })
        .catch((error: unknown) => log.error({ err: error }, 'audit checkpoint failed'));
      await database.close();
    },
  };
}
