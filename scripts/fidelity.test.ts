/**
 * A short fidelity pass against aws-ses-v2-local (the installed devDependency): the emulator starts
 * on loopback within its bound, needs `--sign`, accepts the valid SendEmail cases, and every
 * difference found is explained by a hand-checked fault (none left "unchecked"). Where the valid
 * SendBulkEmail property fails, the test proves it is the emulator's recipient regex and not our
 * generator: the engine accepts the request, the WHATWG regex rejects a recipient of the failed entry.
 */
import { describe, expect, it } from 'vitest';
import { runConformCommand } from '../src/cli/conform-command.ts';
import { validateSendBulkEmail } from '../src/contract/validate-send-bulk-email.ts';
import { IMPLEMENTATIONS, runFidelity } from './fidelity.ts';
import { startAwsSesV2Local } from './fidelity-emulator.ts';
import { faultOf, whatwgRejects } from './fidelity-faults.ts';
import { fidelityMarkdown } from './fidelity-markdown.ts';

const EMULATOR = IMPLEMENTATIONS.filter((i) => i.name === 'aws-ses-v2-local');

const ONLY = [
  '*/valid-request-is-accepted',
  '*/ids-are-unique',
  'send-email/invalid-C-CONT2-is-rejected',
  'send-email/invalid-C-ADDR4-is-rejected',
  'send-bulk-email/malformed-json-is-rejected',
  'send-bulk-email/bulk-results-match-entries',
];

describe('aws-ses-v2-local launcher', () => {
  it('starts on a free loopback port, wants a signature, and stops', async () => {
    const emulator = await startAwsSesV2Local({ timeoutMs: 15_000 });
    try {
      expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const unsigned = await fetch(`${emulator.url}/v2/email/outbound-emails`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(unsigned.status).toBe(403);
    } finally {
      await emulator.close();
    }
    await expect(fetch(`${emulator.url}/health-check`)).rejects.toThrow();
  });

  it('gives up within its start bound', async () => {
    await expect(startAwsSesV2Local({ timeoutMs: 1 })).rejects.toThrow(/did not start/);
  });
});

describe('conform --sign against aws-ses-v2-local', () => {
  it('unsigned: every case gets 403 and the command says to use --sign; signed: valid SendEmail passes', async () => {
    const emulator = await startAwsSesV2Local();
    try {
      const flags = {
        baseUrl: emulator.url,
        profile: 'aws' as const,
        runs: 5,
        seed: 7,
        strict: false,
        from: 'sender@example.com',
        timeoutMs: 5000,
        concurrency: 1,
        reporter: 'json' as const,
        only: 'send-email/valid-request-is-accepted',
      };
      let stderr = '';
      const io = { stdout: () => {}, stderr: (t: string) => (stderr += t), env: {} };
      expect(await runConformCommand(flags, io)).toBe(1);
      expect(stderr).toMatch(/1 failed property got HTTP 403 .*run again with --sign/);
      let stdout = '';
      expect(
        await runConformCommand(
          { ...flags, sign: true },
          { ...io, stdout: (t: string) => (stdout += t), stderr: () => {} },
        ),
      ).toBe(0);
      expect(JSON.parse(stdout).results[0].status).toBe('passed');
    } finally {
      await emulator.close();
    }
  });
});

describe('short fidelity pass', () => {
  it('writes the table, passes valid SendEmail, and explains every difference', async () => {
    const [run] = await runFidelity({ seed: 42, runs: 8, implementations: EMULATOR, only: ONLY });
    if (!run) throw new Error('no run');
    const markdown = fidelityMarkdown([run], { seed: 42, runs: 8, region: 'us-east-1' });
    expect(markdown).toContain('| property | rules | aws-ses-v2-local |');
    for (const result of run.report.results) expect(markdown).toContain(`| ${result.property} |`);
    expect(markdown).toContain('npm run fidelity -- --seed 42 --runs 8');

    const byName = new Map(run.report.results.map((r) => [r.property, r]));
    expect(byName.get('send-email/valid-request-is-accepted')?.status).toBe('passed');
    expect(byName.get('send-email/ids-are-unique')?.status).toBe('passed');
    // Known emulator differences (docs/fidelity.md) are failures, not passes.
    expect(byName.get('send-email/invalid-C-ADDR4-is-rejected')?.status).toBe('failed');
    expect(byName.get('send-bulk-email/malformed-json-is-rejected')?.status).toBe('failed');

    for (const result of run.report.results.filter((r) => r.failure)) {
      expect(faultOf('aws-ses-v2-local', result).fault, result.property).toBe('implementation');
    }

    // With this seed the emulator fails a valid bulk request; prove whose fault that is.
    const bulk = byName.get('send-bulk-email/valid-request-is-accepted');
    expect(bulk?.status).toBe('failed');
    if (bulk?.failure) {
      // Our side: the request the emulator failed is valid by every MUST and SHOULD rule.
      const body = JSON.parse(bulk.failure.exchange.request.body) as {
        BulkEmailEntries: Array<{ Destination: Record<string, string[]> }>;
      };
      expect(validateSendBulkEmail(body, { strict: true })).toEqual([]);
      // Its side: a recipient of the failed entry is one the WHATWG regex refuses.
      const entry = Number(/entry (\d+)/.exec(bulk.failure.problem.message)?.[1]);
      const recipients = Object.values(body.BulkEmailEntries[entry]?.Destination ?? {}).flat();
      expect(recipients.some(whatwgRejects)).toBe(true);
    }
  }, 120_000);
});
