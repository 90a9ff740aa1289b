#!/usr/bin/env node
// In a checkout the CLI runs from the TypeScript sources through tsx's loader (no build step, never
// stale); an installed package has no src/ and runs the compiled dist/ that `npm pack` builds.
// Both paths are resolved from this file, never from the cwd, so the bin runs from any directory;
// tsx (a devDependency) is only imported in a checkout.
import { existsSync } from 'node:fs';

// A reader that stops early (`ses-contract conform | head -3`) closes the pipe: that is the reader's
// choice, not an error of ours. Writes to it are dropped from then on, and the command runs to its
// end, so a conformance run still writes its replay file and exits with its own code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    stream.write = () => true;
  });
}

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/src/cli/main.js'));
}
process.exitCode = await main(process.argv.slice(2));
