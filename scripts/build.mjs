// `npm run build`: compiles src/ to dist/src/ for production, one JavaScript file per source file,
// and copies beside them what the code reads at run time (static files, SQL migrations, reference
// data), so that every path the code computes from `import.meta.url` holds in both modes.
//
// `npm install` runs it (the `prepare` script), and `npm start` again whenever dist/ is stale.
//
// esbuild rather than tsc: it only strips types (the type check is `npm run typecheck`), in about
// 1 s here where `tsc --noCheck` takes 9–11 s parsing every declaration file of node_modules. The empty
// database it also makes (initdb and the migrations, some 5 s of CPU) is work a first start would otherwise
// do itself. Relative imports stay imports (their `.ts`/`.tsx` rewritten to `.js`), so lazy `import()`s
// stay lazy; JSON imports are inlined into the module that imports them.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, 'build.json');
/**
 * What the build reads: a change to any of these makes dist/ stale. The lock file names the PGlite whose
 * data folder the empty database is: another version may not open it.
 */
const SOURCES = ['src', 'reference-data', 'scripts/build.mjs', 'package.json', 'package-lock.json'];
/** Read at run time next to the code, relative to the module that reads them. */
const ASSETS = ['src/platform/http/static', 'src/platform/db/migrations', 'reference-data'];

/**
 * drizzle-orm is some 300 files that share one 179 KB package.json, and Node 24 reads that package.json's
 * scope again for each of them as it loads them: 1 s of the 3.3 s that loading the application took. The build
 * bundles the entry points the code imports into a few files under dist/vendor (shared code split out, so
 * there is one copy of each class), and the code's imports of them point there. Loading the application
 * then takes about a third as long.
 */
const VENDORED = [
  'drizzle-orm',
  'drizzle-orm/pg-core',
  'drizzle-orm/pglite',
  'drizzle-orm/pglite/migrator',
  'drizzle-orm/node-postgres',
  'drizzle-orm/node-postgres/migrator',
];
const vendorFile = (specifier) => join(DIST, 'vendor', `${specifier}.js`);

function filesUnder(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/**
 * The sources' fingerprint: every file's path, size and modification time. Unlike comparing the
 * newest time with dist/'s, it also notices a file deleted or renamed, or a checkout of older files.
 */
export function sourceFingerprint() {
  const hash = createHash('sha256');
  for (const file of SOURCES.flatMap(filesUnder).sort()) {
    const { size, mtimeMs } = statSync(join(ROOT, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** True when dist/ was built from the sources as they are now. */
export function buildIsCurrent() {
  if (!existsSync(STAMP)) return false;
  return JSON.parse(readFileSync(STAMP, 'utf8')).sources === sourceFingerprint();
}

export async function build() {
  const began = performance.now();
  const fingerprint = sourceFingerprint();
  const { build: esbuild } = await import('esbuild');
  rmSync(DIST, { recursive: true, force: true });
  const entryPoints = filesUnder('src').filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(VENDORED.map((s) => [s, fileURLToPath(import.meta.resolve(s))])),
    outdir: join(DIST, 'vendor'),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    // Only drizzle-orm's own files are bundled; what it imports from other packages stays an import.
    plugins: [
      {
        name: 'only-drizzle',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (args) =>
            args.kind === 'entry-point' || args.path.startsWith('drizzle-orm') ? undefined : { external: true },
          );
        },
      },
    ],
  });
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: 'dist/src',
    outbase: 'src',
    bundle: true, // only so that the plugin below sees every import; each one stays external
    platform: 'node',
    format: 'esm',
    target: 'node20',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    plugins: [
      {
        name: 'one-file-per-module',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
            if (VENDORED.includes(args.path)) {
              const importer = join(DIST, relative(ROOT, args.importer));
              return { path: `./${relative(dirname(importer), vendorFile(args.path))}`, external: true };
            }
            return { path: args.path.replace(/\.tsx?$/, '.js'), external: true };
          });
        },
      },
    ],
  });
  for (const asset of ASSETS) cpSync(join(ROOT, asset), join(DIST, asset), { recursive: true });
  // The migrated empty database where a new one starts (see emptyDatabase.ts), made by the code just built.
  const { writeEmptyDatabase } = await import(pathToFileURL(join(DIST, 'src/platform/db/emptyDatabase.js')).href);
  await writeEmptyDatabase();
  // Written last: an interrupted build leaves no stamp, so the next start builds again.
  writeFileSync(STAMP, JSON.stringify({ sources: fingerprint, builtAt: new Date().toISOString() }) + '\n');
  return { files: entryPoints.length, ms: Math.round(performance.now() - began) };
}

// `--if-needed` (npm's `prepare`, after `npm install`): only when dist/ is missing or stale.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--if-needed') && buildIsCurrent()) process.exit(0);
  const { files, ms } = await build();
  console.error(`Built ${files} modules into dist/ in ${ms} ms.`);
}
