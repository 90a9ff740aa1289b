/**
 * `npm run check:generated`: regenerates into a temporary folder and byte-compares with the
 * committed `generated/`. Exit 1 names every stale, missing or extra file and the fix command.
 */
import { staleGeneratedFiles } from './stale-generated.ts';

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log('Usage: npm run check:generated\n\nExit 0 when generated/ matches spec/, 1 when it is stale.');
} else {
  const stale = await staleGeneratedFiles();
  if (stale.length > 0) {
    console.error(`check:generated: generated/ is stale:\n${stale.map((s) => `  - ${s}`).join('\n')}`);
    console.error('Fix: run `npm run generate` and commit generated/.');
    process.exitCode = 1;
  } else {
    console.log('check:generated: generated/ matches spec/.');
  }
}
