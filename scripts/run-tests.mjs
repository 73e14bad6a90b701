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

// On CPUs with PKU, V8's JIT-page registry loses track of WebAssembly code when a process creates and closes
// many PGlite instances, and aborts the whole test file with "Check failed: jit_page_->allocations_.erase(addr)
// == 1" in UnregisterWasmAllocation (nodejs/node#64500). --no-memory-protection-keys made it rare, not gone (it
// came back once in a full run); --no-wasm-code-gc also keeps V8 from freeing WebAssembly code piecemeal, the
// path that unregisters it. The test runner passes both on to each file's process; a V8 without one is not given it.
const V8_FLAGS = ['--no-memory-protection-keys', '--no-wasm-code-gc'];
const v8Flags = V8_FLAGS.filter((flag) => spawnSync(process.execPath, [flag, '-e', '0']).status === 0);
const result = spawnSync(
  process.execPath,
  [...v8Flags, '--import', 'tsx', '--test', '--test-concurrency=3', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' } },
);
process.exit(result.status ?? 1);
