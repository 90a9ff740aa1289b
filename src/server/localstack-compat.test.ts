/**
 * The README's LocalStack test (issue 11, item 6), taken from the README as it is written and run
 * unchanged, in its own process, against the mock in the aws profile: the claim that a test written
 * for LocalStack runs against the mock is checked on the very text users read.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startMockServer } from './start-mock-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

async function readmeBlock(): Promise<string> {
  const readme = await readFile(join(root, 'README.md'), 'utf8');
  const block = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1] as string)
    .find((code) => code.startsWith('// A test written for LocalStack'));
  if (!block) throw new Error('README has no block starting "// A test written for LocalStack"');
  return block;
}

describe("the README's LocalStack test against the mock", () => {
  it('passes unchanged (SES_ENDPOINT pointing at the mock), and leaves the store empty', async () => {
    const server = await startMockServer({ profile: 'aws' });
    // Inside the checkout, so the block resolves node_modules as a user's project would.
    const dir = await mkdtemp(join(root, '.ses-contract-localstack-'));
    try {
      const file = join(dir, 'localstack.test.ts');
      await writeFile(file, await readmeBlock());
      const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], {
        cwd: root,
        env: { ...process.env, SES_ENDPOINT: server.url },
      });
      expect(run.stderr).toBe('');
      expect(server.app.messages.size).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await server.close();
    }
  }, 60_000);
});
