/**
 * The proxy's own answers when the target fails it, in the wire profile's error shape so a client
 * reads them as it reads any other error: documented `{success:false,error:{code,message}}`; aws a
 * JSON `message` typed in `x-amzn-ErrorType`, with types the AWS SDKs treat as transient
 * (InternalFailure, ServiceUnavailable), as a failing gateway is.
 */
import type { MockResponse } from '../server/mock-response.ts';
import { jsonResponse } from '../server/mock-response.ts';
import type { WireProfileName } from '../server/wire-profile.ts';

export type GatewayFailure = { status: 502 | 504; reason: string };

export function gatewayAnswer(profile: WireProfileName, failure: GatewayFailure): MockResponse {
  const message =
    failure.status === 504
      ? `The target did not answer in time (${failure.reason}).`
      : `The target's answer could not be read (${failure.reason}).`;
  if (profile === 'aws') {
    const type = failure.status === 504 ? 'ServiceUnavailable' : 'InternalFailure';
    return jsonResponse(failure.status, { message }, { 'x-amzn-ErrorType': type });
  }
  const code = failure.status === 504 ? 'GATEWAY_TIMEOUT' : 'BAD_GATEWAY';
  return jsonResponse(failure.status, { success: false, error: { code, message } });
}
