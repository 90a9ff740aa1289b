/**
 * `--templates DIR` for `mock` and `render`: every `NAME.json` in DIR is the stored template NAME,
 * shaped like `CreateEmailTemplate`'s `TemplateContent` (`{ "Subject", "Text", "Html" }`). A file
 * that is not JSON, not that shape or not valid Handlebars is a usage error naming the file, so the
 * mock never starts with a template it would fail on at every send.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../../conformance/errors.ts';
import {
  createTemplateLibrary,
  type TemplateLibrary,
  TemplateSyntaxError,
} from '../templates/stored-templates.ts';

const TEMPLATE_FILE = /^(.+)\.json$/;

export async function loadTemplateDirectory(dir: string): Promise<TemplateLibrary> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => TEMPLATE_FILE.test(file)).sort();
  } catch (error) {
    throw new UsageError(
      `--templates ${dir}: cannot read the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (files.length === 0) throw new UsageError(`--templates ${dir}: no NAME.json template files in it`);
  const templates: Record<string, unknown> = {};
  for (const file of files) {
    const path = join(dir, file);
    try {
      templates[TEMPLATE_FILE.exec(file)?.[1] ?? file] = JSON.parse(await readFile(path, 'utf8'));
    } catch (error) {
      throw new UsageError(`${path}: not a readable JSON file: ${(error as Error).message}`);
    }
  }
  try {
    return createTemplateLibrary(templates);
  } catch (error) {
    if (!(error instanceof TemplateSyntaxError)) throw error;
    throw new UsageError(
      `${join(dir, `${error.template}.json`)}: ${error.part ? `${error.part}: ` : ''}${error.reason}`,
    );
  }
}
