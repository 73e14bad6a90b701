// What `npm start` and `npm run octroi` run: the `octroi` command from dist/, built first when
// dist/ is missing or was built from other sources (see sourceFingerprint in build.mjs). Running it
// in this process rather than a second `node` saves a process start on every command.
import { build, buildIsCurrent } from './build.mjs';

if (!buildIsCurrent()) {
  console.error('Building Octroi (dist/ is missing or older than the sources)…');
  const { files, ms } = await build();
  console.error(`Built ${files} modules in ${ms} ms.`);
}
await import('../dist/src/cli/main.js');
