/** Which files of `<root>/generated` differ from what `<root>/spec` generates now (byte for byte). */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedFiles, ROOT } from './generated-files.ts';

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

export async function staleGeneratedFiles(root: string = ROOT): Promise<string[]> {
  const dir = join(root, 'generated');
  const temp = await mkdtemp(join(tmpdir(), 'ses-contract-generated-'));
  try {
    const fresh = await generatedFiles(root);
    const stale: string[] = [];
    for (const [name, content] of fresh) {
      await writeFile(join(temp, name), content);
      const committed = await readIfExists(join(dir, name));
      const regenerated = await readFile(join(temp, name));
      if (!committed) stale.push(`generated/${name} (missing)`);
      else if (!committed.equals(regenerated)) stale.push(`generated/${name} (differs from spec/)`);
    }
    const present = await readdir(dir).catch(() => [] as string[]);
    for (const name of present)
      if (!fresh.has(name)) stale.push(`generated/${name} (not produced by the spec)`);
    return stale;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
