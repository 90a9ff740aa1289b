/**
 * With `--sign`, the exchange records the request as the properties built it, before the signing
 * transport added its headers. For the curl line of each failure, the same request is signed
 * again when the report is written: a fresh signature over the same bytes, which an emulator that
 * only looks for an `Authorization` header accepts. curl cannot sign again, so a server that
 * verifies signatures refuses the line once the request is edited or the signature is stale.
 */
import type { RequestSigner } from '../transport/sigv4-transport.ts';
import type { ConformanceReport, PropertyResult } from './run-conformance.ts';

async function withSignature(result: PropertyResult, signer: RequestSigner): Promise<PropertyResult> {
  const failure = result.failure;
  if (!failure) return result;
  const request = failure.exchange.request;
  const signature = await signer.signatureHeaders(request);
  return {
    ...result,
    failure: {
      ...failure,
      exchange: {
        ...failure.exchange,
        request: { ...request, headers: { ...request.headers, ...signature } },
      },
    },
  };
}

export async function signFailureRequests(
  report: ConformanceReport,
  signer: RequestSigner,
): Promise<ConformanceReport> {
  const results: PropertyResult[] = [];
  for (const result of report.results) results.push(await withSignature(result, signer));
  return { ...report, results };
}
