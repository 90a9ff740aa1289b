/**
 * `--sign`: AWS Signature Version 4 over another transport, so implementations that insist on an
 * `Authorization` header (real SES, and emulators such as aws-ses-v2-local that answer 403
 * without one) can be tested. The credentials are dummies: an emulator only checks that a
 * signature is there, and a run against real SES needs the caller's own signing proxy anyway.
 */
import type { SignatureV4 } from '@smithy/signature-v4';
import { InternalError } from '../errors.ts';
import type { RequestParts, Transport } from './transport.ts';

/** The example credentials of the AWS SigV4 documentation: obviously not a real account. */
export const DUMMY_CREDENTIALS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
} as const;

/** SES v2's signing name (the endpoint prefix is `email`, the signing name is not). */
export const SES_SIGNING_NAME = 'ses';

export type SigningOptions = {
  region: string;
  /** Fixed signing time, for reproducible signatures in tests; default: now. */
  now?: () => Date;
};

/** Headers SigV4 adds, the only ones worth copying into a curl line. */
export const SIGNATURE_HEADERS: readonly string[] = [
  'authorization',
  'x-amz-date',
  'x-amz-content-sha256',
  'x-amz-security-token',
];

export type RequestSigner = {
  /** The SigV4 headers for this request (lower-case names), computed now. */
  signatureHeaders(request: {
    method: string;
    url: string;
    headers: Record<string, string>;
    body: Uint8Array | string;
  }): Promise<Record<string, string>>;
};

/**
 * The signing libraries (~9 MB of @smithy and @aws-crypto modules) are imported on the first
 * signature, not when this module loads: the CLI imports it for `conform`, and `--help`,
 * `validate`, `mock` and unsigned runs should not pay for them.
 */
async function loadSigner(region: string): Promise<SignatureV4> {
  const [{ SignatureV4 }, { Sha256 }] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@aws-crypto/sha256-js'),
  ]).catch((error: unknown) => {
    // A dependency of ours that will not load is our defect (or a broken install), never the target's.
    throw new InternalError(`the SigV4 signing libraries did not load: ${(error as Error).message}`, {
      cause: error,
    });
  });
  return new SignatureV4({
    credentials: DUMMY_CREDENTIALS,
    region,
    service: SES_SIGNING_NAME,
    sha256: Sha256,
  });
}

export function sigv4Signer(options: SigningOptions): RequestSigner {
  let loaded: Promise<SignatureV4> | undefined;
  return {
    async signatureHeaders(request) {
      loaded ??= loadSigner(options.region);
      const signer = await loaded;
      const url = new URL(request.url);
      const query: Record<string, string> = {};
      url.searchParams.forEach((value, name) => {
        query[name] = value;
      });
      const signed = await signer.sign(
        {
          method: request.method,
          protocol: url.protocol,
          hostname: url.hostname,
          ...(url.port ? { port: Number(url.port) } : {}),
          path: url.pathname,
          query,
          // `host` is signed as SES requires; fetch sends the same value from the URL.
          headers: { ...request.headers, host: url.host },
          body: request.body,
        },
        { signingDate: options.now?.() ?? new Date() },
      );
      const out: Record<string, string> = {};
      for (const [name, value] of Object.entries(signed.headers)) {
        if (SIGNATURE_HEADERS.includes(name.toLowerCase())) out[name.toLowerCase()] = value;
      }
      return out;
    },
  };
}

/**
 * Wraps `inner` so every request leaves with SigV4 headers over its exact body bytes. When `inner`
 * sends plain parts, so does the wrapper: the parts are signed as they are, with no `Request` made.
 */
export function sigv4Transport(inner: Transport, options: SigningOptions): Transport {
  const signer = sigv4Signer(options);
  const viaRequest = async (request: Request) => {
    const body = new Uint8Array(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    const signature = await signer.signatureHeaders({
      method: request.method,
      url: request.url,
      headers,
      body,
    });
    return inner(
      new Request(request.url, {
        method: request.method,
        headers: { ...headers, ...signature },
        signal: request.signal,
        ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
      }),
    );
  };
  const sendPlain = inner.sendPlain;
  if (!sendPlain) return viaRequest;
  return Object.assign(viaRequest, {
    sendPlain: async (parts: RequestParts) => {
      const signature = await signer.signatureHeaders(parts);
      return sendPlain({ ...parts, headers: { ...parts.headers, ...signature } });
    },
  });
}
