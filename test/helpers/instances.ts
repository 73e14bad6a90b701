// Real Octroi processes, listening on loopback ports, for the tests that need several instances on
// one database (as behind a load balancer) or a server started as in production.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Instance {
  /** e.g. http://127.0.0.1:41873 */
  url: string;
  dataDir: string;
  /** What the process printed so far (stdout and stderr), to explain a failure. */
  output(): string;
  stop(): Promise<void>;
}

export interface InstanceOptions {
  /** The PostgreSQL database they share. */
  databaseUrl: string;
  /** More settings (SMTP_URL, CLOCK_SECONDS…); every instance gets the same. */
  env?: Record<string, string>;
  /** How long one instance may take to listen. */
  startMs?: number;
}

const COOKIE_SECRET = 'instances-share-this-secret-0123456789';

/**
 * Starts `count` instances of `octroi start` from the sources, each with a data folder of its own
 * and a port the system picks, sharing the database and the cookie secret as the README asks. The
 * first starts alone (it migrates a new database), the others together.
 */
export async function startInstances(count: number, opts: InstanceOptions): Promise<Instance[]> {
  const first = await startInstance(opts);
  try {
    const others = await Promise.all(Array.from({ length: count - 1 }, () => startInstance(opts)));
    return [first, ...others];
  } catch (error) {
    await first.stop();
    throw error;
  }
}

export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(instances.map((i) => i.stop()));
}

function startInstance(opts: InstanceOptions): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-instance-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: opts.databaseUrl,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://octroi.test',
      COOKIE_SECRET,
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const instance = (url: string): Instance => ({
    url,
    dataDir,
    output: () => output,
    stop: () => stop(child, dataDir),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop(child, dataDir);
      reject(new Error(`Octroi did not start in time:\n${output}`));
    }, opts.startMs ?? 60_000);
    const onData = () => {
      const url = /running at (http:\/\/[\d.:]+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(instance(url));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Octroi exited (${code}) before listening:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}
