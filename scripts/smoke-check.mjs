// CI's short check on the machine's own Node: Octroi builds (`npm ci` built it, by the `prepare` script),
// starts on an empty data folder (`octroi start` without the demo: the demo adds 15–20 s and is exercised
// by the test suite on Node 24), and serves its home page and a static file. Exit 1 with the server's output otherwise.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, buildIsCurrent } from './build.mjs';

const began = performance.now();
const seconds = () => ((performance.now() - began) / 1000).toFixed(1);
if (buildIsCurrent()) {
  console.log(`dist/ is built (by npm ci's prepare) with Node ${process.version}`);
} else {
  const { files, ms } = await build();
  console.log(`built ${files} modules in ${ms} ms with Node ${process.version}`);
}

const dataDir = mkdtempSync(join(tmpdir(), 'octroi-smoke-'));
const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
delete env.DATABASE_URL;
const server = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let output = '';
server.stdout.on('data', (chunk) => (output += chunk));
server.stderr.on('data', (chunk) => (output += chunk));

async function check() {
  let url;
  while (!(url = /running at (http:\/\/[\d.:]+)/.exec(output)?.[1])) {
    if (server.exitCode !== null) throw new Error(`octroi start exited with ${server.exitCode}`);
    if (performance.now() - began > 180_000) throw new Error('octroi start did not listen within 180 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  console.log(`listening at ${url} after ${seconds()} s`);
  for (const [path, type, text] of [
    ['/', 'text/html', /<html lang="fr"/],
    ['/static/app.css', 'text/css', /\{/],
  ]) {
    const res = await fetch(url + path);
    const body = await res.text();
    if (res.status !== 200 || !res.headers.get('content-type')?.startsWith(type) || !text.test(body))
      throw new Error(`${path}: ${res.status} ${res.headers.get('content-type')}`);
    console.log(`${path}: ${res.status} ${type}, ${body.length} bytes`);
  }
}

let failed = false;
try {
  await check();
} catch (error) {
  failed = true;
  console.error(`smoke check failed: ${error.message}\n--- server output ---\n${output}`);
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`smoke check ${failed ? 'FAILED' : 'passed'} in ${seconds()} s`);
process.exit(failed ? 1 : 0);
