/** `--reporter` / `--output`: both documented forms, the old single pair, and what cannot pair up. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCaptured } from './captured-main.test-support.ts';
import { collectReporters, reportOutputs } from './report-outputs.ts';

describe('reportOutputs', () => {
  it('reads NAME=FILE lists, --reporter/--output pairs in order, and the old single form', () => {
    expect(reportOutputs(undefined, undefined)).toEqual([{ reporter: 'pretty' }]);
    expect(reportOutputs('junit', 'a.xml')).toEqual([{ reporter: 'junit', file: 'a.xml' }]);
    expect(reportOutputs(undefined, 'r.txt')).toEqual([{ reporter: 'pretty', file: 'r.txt' }]);
    expect(reportOutputs(['junit=a.xml,html=b.html'], undefined)).toEqual([
      { reporter: 'junit', file: 'a.xml' },
      { reporter: 'html', file: 'b.html' },
    ]);
    expect(reportOutputs(['junit', 'html'], ['a.xml', 'b.html'])).toEqual([
      { reporter: 'junit', file: 'a.xml' },
      { reporter: 'html', file: 'b.html' },
    ]);
    // One report may stay on standard output.
    expect(reportOutputs(['pretty,json=r.json'], undefined)).toEqual([
      { reporter: 'pretty' },
      { reporter: 'json', file: 'r.json' },
    ]);
  });

  it('refuses what does not pair up, naming the flag', () => {
    expect(() => reportOutputs(['junit'], ['a.xml', 'b.xml'])).toThrow(/--output b\.xml has no --reporter/);
    expect(() => reportOutputs(['junit', 'html'], undefined)).toThrow(
      /only one report can go to standard output/,
    );
    expect(() => reportOutputs(['junit=a.xml,html=a.xml'], undefined)).toThrow(
      /a\.xml is given for two reports/,
    );
    expect(() => collectReporters('junit,xml=a', undefined)).toThrow(/'xml' is not a reporter/);
    expect(() => collectReporters('html=', undefined)).toThrow(/names no file/);
    expect(collectReporters('html=b.html', ['junit'])).toEqual(['junit', 'html=b.html']);
  });
});

/** A short conform run (one property, two runs) with `reporterArgs`, its files in a fresh folder. */
async function conformWith(
  reporterArgs: (dir: string) => string[],
  check: (result: Awaited<ReturnType<typeof runCaptured>>, dir: string) => Promise<void>,
): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'ses-contract-reporters-'));
  try {
    const args = ['conform', '--seed', '1', '--runs', '2', '--only', 'send-email/valid*'];
    await check(await runCaptured([...args, ...reporterArgs(dir)]), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('conform with several reporters', () => {
  it('--reporter junit --output A --reporter html --output B writes both, and the pretty report to stdout', async () => {
    await conformWith(
      (dir) => [
        '--reporter',
        'junit',
        '--output',
        join(dir, 'a.xml'),
        '--reporter',
        'html',
        '--output',
        join(dir, 'b.html'),
        '--reporter',
        'pretty',
      ],
      async ({ code, stdout, stderr }, dir) => {
        expect(code).toBe(0);
        expect(await readFile(join(dir, 'a.xml'), 'utf8')).toContain(
          'name="send-email/valid-request-is-accepted [C-W1]"',
        );
        expect(await readFile(join(dir, 'b.html'), 'utf8')).toContain(
          '<td>send-email/valid-request-is-accepted</td>',
        );
        expect(stdout).toMatch(/^ses-contract conform: documented profile/);
        expect(stderr).toMatch(/junit report written to .*a\.xml\n.*html report written to .*b\.html/s);
        // The pretty report on stdout says how the run went; stderr does not repeat it.
        expect(stderr).not.toMatch(/conform: \d+ propert/);
      },
    );
  });

  it('with every report in a file, says how the run went on stderr', async () => {
    await conformWith(
      (dir) => ['--reporter', `html=${join(dir, 'r.html')}`],
      async ({ code, stdout, stderr }) => {
        expect(code).toBe(0);
        expect(stdout).toBe('');
        expect(stderr).toMatch(
          /html report written to .*r\.html\nconform: 1 property: 1 passed, 0 failed; 2 requests in \d+\.\d s\. Conformant\.\n/,
        );
      },
    );
  });
});
