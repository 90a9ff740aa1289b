import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { specSchema } from '../contract/schema/spec-ajv.ts';
import { startMockProcess } from './start-mock-process.ts';

describe('startMockProcess', () => {
  it('serves the reference mock from another process and stops it on close', async () => {
    const mock = await startMockProcess({ profile: 'aws', port: 0 });
    expect(mock.pid).not.toBe(process.pid);
    const answer = await fetch(`${mock.url}/v2/email/outbound-emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        FromEmailAddress: 's@example.com',
        Destination: { ToAddresses: ['a@example.com'] },
        Content: { Simple: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } } },
      }),
    });
    expect(answer.status).toBe(200);
    expect(specSchema('aws', 'SendEmailResponse')(await answer.json())).toBe(true);
    await mock.close();
    expect(() => process.kill(mock.pid, 0)).toThrow();
    await expect(fetch(mock.url)).rejects.toThrow();
  });

  it('starts from a working directory outside the package (the loader is not resolved from the cwd)', async () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      const mock = await startMockProcess({ profile: 'documented', port: 0 });
      await mock.close();
      expect(mock.url).toMatch(/^http:\/\/[^/]+:\d+$/);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports a port it cannot take', async () => {
    const first = await startMockProcess({ profile: 'documented', port: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startMockProcess({ profile: 'documented', port })).rejects.toThrow(
        /did not start: .*EADDRINUSE/,
      );
    } finally {
      await first.close();
    }
  });
});
