import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { accountsRoutes } from './features/accounts/routes.tsx';
import { apiRoutes } from './features/api/routes.ts';
import { apiService } from './features/api/service.ts';
import { officerApplicationsRoutes } from './features/applications/officerRoutes.tsx';
import { applicationsRoutes } from './features/applications/routes.tsx';
import { noteRoutes } from './features/applications/noteRoutes.tsx';
import { applicationsService } from './features/applications/service.ts';
import { accountsService } from './features/accounts/service.ts';
import { adminRoutes } from './features/admin/adminRoutes.tsx';
import { signInRequirementRoutes } from './features/admin/signInRoutes.tsx';
import { peopleRoutes } from './features/admin/peopleRoutes.tsx';
import { adminService } from './features/admin/service.ts';
import { criteriaRoutes } from './features/calls/criteriaRoutes.tsx';
import { formBuilderRoutes } from './features/calls/formRoutes.tsx';
import { manageCallsRoutes } from './features/calls/manageRoutes.tsx';
import { questionRoutes } from './features/calls/questionRoutes.tsx';
import { callsRoutes } from './features/calls/routes.tsx';
import { callsService } from './features/calls/service.ts';
import { decisionsRoutes } from './features/decisions/routes.tsx';
import { publicDecisionsRoutes } from './features/decisions/publicRoutes.tsx';
import { decisionsService } from './features/decisions/service.ts';
import { grantsRoutes } from './features/grants/routes.tsx';
import { grantsService } from './features/grants/service.ts';
import { reportsRoutes } from './features/reports/routes.tsx';
import { reportsService } from './features/reports/service.ts';
import { grantTotals, paidTransfersOf } from './features/grants/impactReads.ts';
import { reachTotals } from './features/reports/impactReads.ts';
import { manageDirectoryRoutes } from './features/directory/manageRoutes.tsx';
import { publicDirectoryRoutes } from './features/directory/publicRoutes.tsx';
import { directoryService } from './features/directory/service.ts';
import { homeRoutes } from './features/home/routes.tsx';
import { impactRoutes } from './features/impact/routes.tsx';
import { referencePopulationRoutes } from './features/impact/referenceRoutes.tsx';
import { impactService } from './features/impact/service.ts';
import { startRoutes } from './features/home/startRoutes.tsx';
import { juryRoutes } from './features/jury/routes.tsx';
import { juryService } from './features/jury/service.ts';
import { scoringRoutes } from './features/jury/scoring/routes.tsx';
import { scoringService } from './features/jury/scoring/service.ts';
import { oidcRoutes } from './features/oidc/routes.tsx';
import { providerRoutes } from './features/oidc/providerRoutes.tsx';
import { oidcService } from './features/oidc/service.ts';
import { organisationsRoutes } from './features/organisations/routes.tsx';
import { organisationsService } from './features/organisations/service.ts';
import { secondFactorRoutes } from './features/secondFactor/routes.tsx';
import { secondFactorService } from './features/secondFactor/service.ts';
import { screeningRoutes } from './features/screening/routes.tsx';
import { screeningService } from './features/screening/service.ts';
import { webhooksRoutes } from './features/webhooks/routes.tsx';
import { webhooksService } from './features/webhooks/service.ts';
import { auditAnchors } from './auditAnchors.ts';
import { createAuditCheckpoints } from './platform/audit/checkpoints.ts';
import type { Config } from './platform/config.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/client.ts';
import { deferrableLane } from './platform/db/lane.ts';
import type { CommandDeps } from './platform/db/unitOfWork.ts';
import { publishedPagesCache, type PublishedPagesCache } from './platform/http/publishedPages.ts';
import { createHttpServer } from './platform/http/server.ts';
import { createLogger } from './platform/logger.ts';
import { createMailDelivery, type MailDelivery } from './platform/mail/outbox.ts';
import { loadSelectionSolver } from './platform/solver/selectionSolver.ts';
import { fileStorageFor } from './platform/storage/fileStorage.ts';

export interface App {
  server: FastifyInstance;
  database: DatabaseHandle;
  mail: MailDelivery;
  deps: CommandDeps;
  /** The published pages' cache (tests look at it; commands reach it through their services). */
  publishedPages: PublishedPagesCache;
  services: {
    accounts: ReturnType<typeof accountsService>;
    admin: ReturnType<typeof adminService>;
    calls: ReturnType<typeof callsService>;
    organisations: ReturnType<typeof organisationsService>;
    applications: ReturnType<typeof applicationsService>;
    jury: ReturnType<typeof juryService>;
    scoring: ReturnType<typeof scoringService>;
    screening: ReturnType<typeof screeningService>;
    decisions: ReturnType<typeof decisionsService>;
    api: ReturnType<typeof apiService>;
    webhooks: ReturnType<typeof webhooksService>;
    oidc: ReturnType<typeof oidcService>;
    secondFactor: ReturnType<typeof secondFactorService>;
    grants: ReturnType<typeof grantsService>;
    impact: ReturnType<typeof impactService>;
    directory: ReturnType<typeof directoryService>;
    reports: ReturnType<typeof reportsService>;
  };
  /**
   * Starts the clock (every CLOCK_SECONDS). The server starts it once the demo, if asked for, is
   * loaded: the demo writes a backdated history that the clock must not act on half-built. Tests
   * leave it stopped and call the clock's services with the instant they mean.
   */
  startClock(): void;
  close(): Promise<void>;
}

const MAIL_RETRY_MS = 30_000;
const PUBLISHED_CHANNEL = 'octroi_published_pages';

/**
 * The composition root: opens and migrates the database, wires platform and features, and gives
 * back the server (not yet listening) with the services, for the CLI and the tests.
 * @param opts.log the process's logger; by default JSON lines (or readable ones in a terminal) on stdout.
 */
export async function buildApp(
  config: Config,
  opts: { database?: DatabaseHandle; log?: FastifyBaseLogger } = {},
): Promise<App> {
  const log = opts.log ?? (await createLogger(config.logLevel));
  const database = opts.database ?? (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }));
  await database.migrate();
  // Pages published to everyone, rendered once and kept until a command changes what they show;
  // other instances on the same PostgreSQL hear of the change through NOTIFY and forget theirs too.
  const publishedPages = publishedPagesCache();
  publishedPages.onInvalidate(() => database.announce(PUBLISHED_CHANNEL));
  await database.listen(PUBLISHED_CHANNEL, () => publishedPages.invalidateFromElsewhere());
  const server = await createHttpServer(config, database.db, log, publishedPages);
  const mail = createMailDelivery({
    db: database.db,
    smtpUrl: config.smtpUrl,
    from: config.mailFrom,
    dataDir: config.dataDir,
    log: server.log,
  });
  const deps: CommandDeps = { db: database.db, mail, publicUrl: config.publicUrl, log: server.log };
  const storage = fileStorageFor(database, config.dataDir);
  const services = {
    accounts: accountsService(deps),
    admin: adminService({
      ...deps,
      storage,
      publishedPages,
      auditAnchors: () => auditAnchors(database.db, config.dataDir),
    }),
    calls: callsService({ ...deps, storage, publishedPages }),
    organisations: organisationsService({ ...deps, storage }),
  };
  const applications = applicationsService({
    ...deps,
    storage,
    autosaves: deferrableLane(database),
    calls: services.calls,
    organisations: services.organisations,
  });
  const directory = directoryService({
    ...deps,
    membershipOf: services.organisations.membership,
    extraHolidays: config.directoryHolidays,
  });
  const jury = juryService({ ...deps, calls: services.calls, applications, organisations: services.organisations });
  const scoring = scoringService({ ...deps, applications, calls: services.calls });
  const screening = screeningService({
    ...deps,
    calls: services.calls,
    applications,
    organisations: services.organisations,
  });
  const impact = impactService({
    ...deps,
    calls: services.calls,
    grants: {
      totals: (scope) => grantTotals(database.db, scope),
      paidTransfers: (ids) => paidTransfersOf(database.db, ids),
    },
    reports: { reachTotals: (scope, categories) => reachTotals(database.db, scope, categories) },
  });
  // The solver (WebAssembly) loads on the first selection that needs it, not at start.
  let solver: ReturnType<typeof loadSelectionSolver> | null = null;
  const decisions = decisionsService({
    ...deps,
    calls: services.calls,
    applications,
    organisations: services.organisations,
    scoring,
    storage,
    solver: () => (solver ??= loadSelectionSolver()),
    openDataPrefix: config.openDataPrefix,
    disbursements: impact.disbursements,
    publishedPages,
    // Grants are built below (they read the decisions); the port is only called once both exist.
    grantOffers: { createGrants: (callId) => grants.createGrants(callId) },
  });
  const grants = grantsService({
    ...deps,
    calls: services.calls,
    decisions,
    applications,
    organisations: services.organisations,
    storage,
  });
  const reports = reportsService({
    ...deps,
    calls: services.calls,
    applications,
    organisations: services.organisations,
    storage,
    grants,
  });

  await server.register(homeRoutes(services.calls));
  await server.register(startRoutes({ calls: services.calls, screening, jury, scoring, reports }));
  await server.register(callsRoutes(services.calls));
  await server.register(manageCallsRoutes(services.calls));
  await server.register(formBuilderRoutes(services.calls));
  await server.register(criteriaRoutes(services.calls));
  await server.register(questionRoutes(services.calls));
  const oidc = oidcService(deps);
  await server.register(accountsRoutes(services.accounts, oidc.providers));
  await server.register(oidcRoutes(oidc, config.secureCookies));
  await server.register(providerRoutes(oidc));
  const secondFactor = secondFactorService(deps);
  await server.register(secondFactorRoutes(secondFactor, config.secureCookies));
  await server.register(adminRoutes(services.admin));
  await server.register(signInRequirementRoutes(services.admin, oidc.allProviders));
  await server.register(peopleRoutes(services.admin, services.calls));
  await server.register(organisationsRoutes(services.organisations));
  await server.register(applicationsRoutes(applications, services.calls, services.organisations, decisions, grants));
  await server.register(officerApplicationsRoutes(applications));
  await server.register(noteRoutes(applications));
  await server.register(juryRoutes(jury));
  await server.register(scoringRoutes(scoring));
  await server.register(screeningRoutes(screening));
  await server.register(decisionsRoutes(decisions));
  await server.register(publicDecisionsRoutes(decisions));
  await server.register(grantsRoutes(grants));
  await server.register(reportsRoutes(reports));
  await server.register(impactRoutes(impact));
  await server.register(referencePopulationRoutes(impact));
  const api = apiService({
    ...deps,
    calls: services.calls,
    applications,
    screening,
    jury,
    scoring,
    decisions,
    grants,
    reports,
    directory,
  });
  await server.register(apiRoutes(api, config.publicUrl));
  const webhooks = webhooksService({ ...deps, allowHttp: config.webhooksAllowHttp });
  await server.register(webhooksRoutes(webhooks));
  await server.register(publicDirectoryRoutes(directory, config.publicUrl));
  await server.register(manageDirectoryRoutes(directory));

  // Mails that failed (SMTP down) are retried; new ones leave right after their commit.
  const retry = setInterval(() => void mail.flush().catch(() => undefined), MAIL_RETRY_MS);
  retry.unref();
  // The audit chain's head, written hourly (or every thousand rows) outside the audit table.
  const checkpoints = createAuditCheckpoints({ db: database.db, dir: config.dataDir, log: server.log });
  // The clock's own work: calls close at their deadline, drafts get their reminders, decisions their
  // letters, the audit trail its checkpoints. Instances sharing a database take turns: a tick finding
  // another instance's run under way skips, so each piece of work is done once.
  const tick = () =>
    database.runExclusive('clock', async () => {
      const closed = await services.calls.closeCallsPastDeadline();
      const reminded = await applications.sendDeadlineReminders();
      const letters = await decisions.issueLetters();
      // Grants a decision owes whose making failed after the decision committed.
      const grantsMade = await decisions.offerOwedGrants();
      // Grants' reports made and opened when their day comes, and reminded a week before they are due.
      const reportReminders = (await reports.runClock()).reminded;
      // Events since the last run, read from the audit trail, then every webhook delivery due.
      const hooks = await webhooks.run();
      await checkpoints.write(new Date());
      server.log.debug({ closed, reminded, letters, grantsMade, reportReminders, hooks }, 'clock run');
    });
  let clock: NodeJS.Timeout | undefined;

  return {
    server,
    database,
    mail,
    deps,
    publishedPages,
    services: {
      ...services,
      applications,
      screening,
      jury,
      scoring,
      decisions,
      api,
      webhooks,
      oidc,
      secondFactor,
      grants,
      impact,
      directory,
      reports,
    },
    startClock() {
      clock ??= setInterval(
        () => void tick().catch((error: unknown) => server.log.error({ err: error }, 'clock run failed')),
        config.clockSeconds * 1000,
      );
      clock.unref();
    },
    async close() {
      clearInterval(retry);
      clearInterval(clock);
      await server.close();
      await mail.flush().catch(() => undefined);
      // The head at shutdown: rows removed while Octroi is stopped are found by the next verification.
      await checkpoints
        .write(new Date(), { force: true })
        .catch((error: unknown) => server.log.error({ err: error }, 'audit checkpoint failed'));
      if (!opts.database) await database.close();
    },
  };
}
