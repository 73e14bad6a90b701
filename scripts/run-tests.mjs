// Runs every *.test.ts(x) through node's test runner with tsx.
// Browser tests (test/browser) need Debian's Chromium: without it they are skipped with a plain
// message on a developer's machine, and fail under CI, where a skipped browser suite would hide defects.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const noBrowser = args.includes('--no-browser');
const only = args.filter((a) => !a.startsWith('--'));

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.test\.tsx?$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(dir, f))
    .sort();
}

let files = [...testFiles('src'), ...testFiles('test'), ...testFiles('scripts')];
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));

const isBrowser = (f) => f.startsWith(join('test', 'browser'));
if (noBrowser) {
  files = files.filter((f) => !isBrowser(f));
} else if (!existsSync(CHROMIUM)) {
  if (process.env.CI) {
    console.error(
      `Browser tests need Chromium at ${CHROMIUM}, and CI must run them. Install it: apt-get install -y chromium`,
    );
    process.exit(1);
  }
  console.warn(
    `\n*** Browser tests SKIPPED: no Chromium at ${CHROMIUM}. Enable them with: sudo apt-get install -y chromium ***\n`,
  );
  files = files.filter((f) => !isBrowser(f));
}

// --no-memory-protection-keys: on CPUs with PKU, V8's JIT-page registry loses track of WebAssembly
// code when a process creates and closes many PGlite instances, and aborts the whole test file with
// "Check failed: jit_page_->allocations_.erase(addr) == 1" (nodejs/node#64500). The test runner passes
// the flag on to each file's process. Older V8s (Node 22) have no such flag, nor that registry.
const PKU_OFF = '--no-memory-protection-keys';
const v8Flags = spawnSync(process.execPath, [PKU_OFF, '-e', '0']).status === 0 ? [PKU_OFF] : [];
const result = spawnSync(
  process.execPath,
  [...v8Flags, '--import', 'tsx', '--test', '--test-concurrency=3', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } },
);
process.exit(result.status ?? 1);
