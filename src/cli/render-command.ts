/**
 * `ses-contract render [FILE|-]`: renders a templated SendEmail or SendBulkEmail request locally,
 * exactly as the mock does (the same `renderRequest` and stored summary), and prints what each
 * recipient gets. The preview for template authors, and the check for CI: render every fixture
 * before deploying a template change. Exit 1 when a message would not be delivered (a variable with
 * no value: SES's Rendering Failure), when the request breaks the contract, or when it names a
 * stored template DIR does not hold; exit 2 for bad usage.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { UsageError } from '../../conformance/errors.ts';
import { entryDefectIndex, refusedEntries } from '../contract/bulk-entry-reporting.ts';
import { inferOperation } from '../contract/infer-operation.ts';
import { checkSendBulkEmail } from '../contract/validate-send-bulk-email.ts';
import { checkSendEmail } from '../contract/validate-send-email.ts';
import { formatViolation } from '../contract/violation.ts';
import { readJsonBody } from '../server/json-request-body.ts';
import { renderedSummary } from '../server/stored-message.ts';
import { type RenderedMessage, renderRequest } from '../templates/render-request.ts';
import { renderedMime } from '../templates/rendered-mime.ts';
import type { TemplateLibrary } from '../templates/stored-templates.ts';
import { EXIT_CODES_HELP, type RegisterCommand } from './main.ts';
import { loadTemplateDirectory } from './template-directory.ts';
import { readInput, unwrapCatalogExample } from './validate-command.ts';

const FORMATS = ['text', 'html', 'eml', 'json'] as const;
type Format = (typeof FORMATS)[number];

type RenderFlags = { templates?: string; entry?: number; format: Format };

function positive(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError('--entry must be a whole number from 1 (entries count from 1).');
  }
  return n;
}

/** `entry 2` for a bulk entry (counting from 1, as C-CONT14's messages do), `the message` otherwise. */
function which(message: RenderedMessage): string {
  return message.entry === undefined ? 'the message' : `entry ${message.entry + 1}`;
}

function textView(message: RenderedMessage, total: number): string {
  const summary = renderedSummary(message);
  const lines: string[] = [];
  if (message.entry !== undefined) lines.push(`=== entry ${message.entry + 1} of ${total} ===`);
  if (summary.from !== undefined) lines.push(`From: ${summary.from}`);
  if (summary.to.length > 0) lines.push(`To: ${summary.to.join(', ')}`);
  if (summary.cc.length > 0) lines.push(`Cc: ${summary.cc.join(', ')}`);
  if (summary.bcc.length > 0) lines.push(`Bcc: ${summary.bcc.join(', ')}`);
  lines.push(`Template: ${message.template.name ?? 'inline TemplateContent'}`);
  lines.push(`Subject: ${summary.subject ?? ''}`);
  if (summary.text !== undefined) lines.push('', '--- text ---', summary.text);
  if (summary.html !== undefined) lines.push('', '--- html ---', summary.html);
  return `${lines.join('\n')}\n`;
}

function print(messages: readonly RenderedMessage[], total: number, format: Format): string {
  if (format === 'json') {
    const view = messages.map((m) => ({
      ...(m.entry !== undefined && { entry: m.entry + 1 }),
      ...renderedSummary(m),
    }));
    return `${JSON.stringify(view, null, 2)}\n`;
  }
  return messages
    .map((message) => {
      const { rendering } = message;
      if (rendering.status !== 'rendered') return '';
      if (format === 'eml') return renderedMime(message, rendering);
      if (format === 'html') return `${rendering.html ?? ''}\n`;
      return textView(message, total);
    })
    .join(format === 'text' ? '\n' : '');
}

export const registerRenderCommand: RegisterCommand = (program: Command, io, done) => {
  const command = program
    .command('render')
    .description(
      'Render a templated SendEmail or SendBulkEmail request as the mock (and SES) would, and print what each recipient gets.',
    )
    .argument('[file]', "a JSON request body or example-catalog file; '-' (the default) reads standard input")
    .option('--templates <dir>', 'stored templates: DIR/NAME.json = {"Subject","Text","Html"} (Handlebars)')
    .addOption(
      new Option('--entry <n>', 'only this SendBulkEmail entry (counting from 1)').argParser(positive),
    )
    .addOption(
      new Option(
        '--format <format>',
        'text: headers and bodies; html: the HTML body; eml: the MIME message; json: what the mock stores',
      )
        .choices(FORMATS)
        .default('text'),
    )
    .addHelpText(
      'after',
      `\n${EXIT_CODES_HELP}` +
        '  (render: exit 1 when a variable has no value in the data, naming it and the entry, as SES\n' +
        '   would drop that message with a Rendering Failure event; also for a request the mock refuses.\n' +
        '   A SendBulkEmail whose defects are all in some entries renders its other entries, as SES\n' +
        '   sends them, and exits 1 naming the entries it refuses)\n\n' +
        'Examples:\n' +
        '  ses-contract render --templates templates/ welcome-request.json\n' +
        '  ses-contract render --templates templates/ --entry 2 --format eml bulk.json\n' +
        '  for f in fixtures/*.json; do ses-contract render --templates templates/ "$f" >/dev/null || exit 1; done\n',
    );
  command.action(async (file: string | undefined, flags: RenderFlags) => {
    const name = file ?? '-';
    if (name === '-' && io.stdin.isTTY) {
      command.outputHelp({ error: true });
      throw new UsageError('no input: name a FILE, or pipe a request body into standard input.');
    }
    const templates: TemplateLibrary | undefined =
      flags.templates === undefined ? undefined : await loadTemplateDirectory(flags.templates);
    const input = await readInput(name, io);
    const parsed = readJsonBody(input.bytes);
    if (!parsed.ok) throw new UsageError(`${input.name}: ${parsed.violation.message}`);
    const { body, operation: declared } = unwrapCatalogExample(parsed.value);
    const operation = declared ?? inferOperation(body);
    // The mock checks strictly before it renders; a request it refuses is never rendered. A bulk
    // request whose defects all sit in some entries is sent by SES for its other entries (the aws
    // profile answers those entries alone, C-A5), so those are rendered.
    const { violations } = (operation === 'send-bulk-email' ? checkSendBulkEmail : checkSendEmail)(body, {
      strict: true,
    });
    const badEntries = operation === 'send-bulk-email' ? refusedEntries(violations) : undefined;
    if (violations.length > 0 && !badEntries) {
      for (const v of violations) io.stderr(`${formatViolation(v)}\n`);
      io.stderr(`${input.name}: the mock would refuse this request (400), so nothing is rendered\n`);
      done(1);
      return;
    }
    const all = renderRequest(body, templates);
    if (all.length === 0) {
      throw new UsageError(
        `${input.name}: nothing to render: the request has no template (Content.Template or DefaultContent.Template)`,
      );
    }
    const stored = all.find((m) => m.rendering.status === 'unrendered');
    if (stored) {
      throw new UsageError(
        `the request names the stored template ${stored.template.name ?? ''}: pass --templates DIR holding it`,
      );
    }
    const notFound = all.find((m) => m.rendering.status === 'not-found');
    if (notFound) {
      io.stderr(
        `template ${notFound.template.name ?? ''} is not in ${flags.templates}: the mock answers 404 (SES: NotFoundException)\n`,
      );
      done(1);
      return;
    }
    const asked = flags.entry === undefined ? all : all.filter((m) => m.entry === (flags.entry ?? 0) - 1);
    if (asked.length === 0) {
      throw new UsageError(
        all[0]?.entry === undefined
          ? '--entry is for SendBulkEmail requests; this is a SendEmail'
          : `--entry ${flags.entry}: the request has ${all.length} entr${all.length === 1 ? 'y' : 'ies'}`,
      );
    }
    // Only the entries asked for: `--entry 1` of a request whose entry 2 is bad renders cleanly.
    const refused = asked.filter((m) => m.entry !== undefined && badEntries?.has(m.entry));
    for (const message of refused) {
      for (const v of violations) {
        if (entryDefectIndex(v) === message.entry) io.stderr(`${formatViolation(v)}\n`);
      }
      io.stderr(
        `${which(message)} is not rendered: SES refuses it alone (aws: its BulkEmailEntryResults item; the documented profile refuses the whole request)\n`,
      );
    }
    const chosen = asked.filter((m) => !refused.includes(m));
    if (chosen.length === 0) {
      done(1);
      return;
    }
    if (flags.format === 'eml' && chosen.length > 1) {
      throw new UsageError(
        `--format eml prints one message: choose one of the ${chosen.length} entries with --entry N`,
      );
    }
    io.stdout(print(chosen, all.length, flags.format));
    let failed = false;
    for (const message of chosen) {
      const { rendering } = message;
      if (rendering.status !== 'failed') continue;
      failed = true;
      io.stderr(
        `Rendering Failure in ${which(message)}${rendering.variable === undefined ? '' : `: variable ${rendering.variable} has no value`} (${rendering.part}): ${rendering.reason}\n`,
      );
    }
    done(failed || refused.length > 0 ? 1 : 0);
  });
};
