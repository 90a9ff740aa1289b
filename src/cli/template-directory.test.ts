/** `--templates DIR` (issue 10): NAME.json files become stored templates; a bad file is a usage error naming it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../conformance/errors.ts';
import { loadTemplateDirectory } from './template-directory.ts';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

async function folder(files: Record<string, string>): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'ses-contract-templates-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
}

describe('loadTemplateDirectory', () => {
  it('loads every NAME.json as the template NAME and ignores other files', async () => {
    const library = await loadTemplateDirectory(
      await folder({
        'welcome.json': JSON.stringify({ Subject: 'Hi {{name}}', Html: '<b>{{name}}</b>' }),
        'digest.json': JSON.stringify({ Text: '{{#each items}}{{this}}{{/each}}' }),
        'README.md': '# not a template',
      }),
    );
    expect(library.names).toEqual(['digest', 'welcome']);
    expect(library.get('welcome')?.Subject?.render({ name: 'A' })).toBe('Hi A');
  });

  it.each([
    ['broken.json', '{"Subject":', /broken\.json: not a readable JSON file: /],
    ['shape.json', '{"Subject":"x","Body":"y"}', /shape\.json: unknown member "Body"/],
    [
      'parse.json',
      '{"Html":"{{#if a}}x"}',
      /parse\.json: Html: Parse error on line 1: Expecting .*got 'EOF'/,
    ],
  ])('refuses %s naming the file', async (file, text, message) => {
    const path = await folder({ [file]: text });
    const error = await loadTemplateDirectory(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(join(path, file));
  });

  it('refuses a folder without templates', async () => {
    await expect(loadTemplateDirectory(await folder({ 'notes.txt': 'x' }))).rejects.toThrow(
      /no NAME\.json template files/,
    );
  });
});
