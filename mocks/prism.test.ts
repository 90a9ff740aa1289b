import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { specSchema } from '../src/contract/schema/spec-ajv.ts';
import {
  SEND_BULK_EMAIL_PATH,
  SEND_EMAIL_PATH,
  validSendBulkEmail,
  validSendEmail,
} from '../src/server/sample-requests.test-support.ts';
import { type RunningPrism, startPrism } from './prism.ts';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function post(prism: RunningPrism, path: string, body: unknown) {
  const response = await fetch(`${prism.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('Prism on the documented spec', () => {
  let prism: RunningPrism;
  const startupLog: string[] = [];
  beforeAll(async () => {
    prism = await startPrism({
      port: await freePort(),
      readyTimeoutMs: 45_000,
      onLog: (line) => startupLog.push(line),
    });
  }, 60_000);

  it('starts without logging an error for its own readiness check', () => {
    expect(startupLog.some((line) => /Prism is listening on/.test(line))).toBe(true);
    expect(startupLog.filter((line) => /error/i.test(line))).toEqual([]);
  });
  afterAll(() => prism?.close());

  it.each([
    ['SendEmail', SEND_EMAIL_PATH, validSendEmail()],
    ['SendBulkEmail', SEND_BULK_EMAIL_PATH, validSendBulkEmail()],
  ])("answers the spec's %s example with 200 and the documented envelope", async (_name, path, body) => {
    const answer = await post(prism, path, body);
    expect(answer.status).toBe(200);
    expect(specSchema('documented', 'SuccessEnvelope')(answer.body)).toBe(true);
  });

  it('refuses a schema-invalid request with a 4xx', async () => {
    const answer = await post(prism, SEND_EMAIL_PATH, {
      Destination: { ToAddresses: 'not-an-array' },
      Content: 5,
    });
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
  });
});
