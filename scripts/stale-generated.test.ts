import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from './generated-files.ts';
import { staleGeneratedFiles } from './stale-generated.ts';

describe('staleGeneratedFiles', () => {
  let copy = '';
  afterEach(async () => {
    if (copy) await rm(copy, { recursive: true, force: true });
  });

  async function copyOfRepo(): Promise<string> {
    copy = await mkdtemp(join(tmpdir(), 'ses-contract-drift-'));
    await cp(join(ROOT, 'spec'), join(copy, 'spec'), { recursive: true });
    await cp(join(ROOT, 'generated'), join(copy, 'generated'), { recursive: true });
    return copy;
  }

  it('finds nothing stale in the committed tree', async () => {
    expect(await staleGeneratedFiles()).toEqual([]);
  });

  it('names the files a constraint edit makes stale, in both profiles', async () => {
    const root = await copyOfRepo();
    const spec = join(root, 'spec/sesv2.openapi.yaml');
    const text = await readFile(spec, 'utf8');
    expect(text).toContain('maxLength: 995');
    await writeFile(spec, text.replace('maxLength: 995', 'maxLength: 996'));
    expect(await staleGeneratedFiles(root)).toEqual(
      expect.arrayContaining([
        'generated/sesv2.documented.openapi.json (differs from spec/)',
        'generated/sesv2.aws.openapi.json (differs from spec/)',
      ]),
    );
  });

  it('reports missing and unexpected files', async () => {
    const root = await copyOfRepo();
    await rm(join(root, 'generated/sesv2.aws.ts'));
    await writeFile(join(root, 'generated/hand-written.ts'), 'export {};\n');
    expect(await staleGeneratedFiles(root)).toEqual([
      'generated/sesv2.aws.ts (missing)',
      'generated/hand-written.ts (not produced by the spec)',
    ]);
  });
});
