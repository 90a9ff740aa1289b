/**
 * A signing library that does not load is ses-contract's defect (or a broken install): it must end
 * as an InternalError (exit 3), never look like a target that cannot be reached (exit 2).
 */
import { describe, expect, it, vi } from 'vitest';
import { InternalError } from '../errors.ts';

vi.mock('@smithy/signature-v4', () => {
  throw new Error("Cannot find package '@smithy/signature-v4'");
});

describe('sigv4Signer without its libraries', () => {
  it('rejects with an InternalError that names the failed import', async () => {
    const { sigv4Signer } = await import('./sigv4-transport.ts');
    const signer = sigv4Signer({ region: 'us-east-1' });
    const attempt = signer.signatureHeaders({
      url: 'http://127.0.0.1:1/v2/email/outbound-emails',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Uint8Array(),
    } as never);
    await expect(attempt).rejects.toBeInstanceOf(InternalError);
    await expect(attempt).rejects.toThrow(/SigV4 signing libraries did not load/);
  });
});
