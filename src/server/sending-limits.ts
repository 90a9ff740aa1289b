/**
 * SES's sending limits for one account (C-A6; reference §7.5): a maximum send rate and a daily
 * quota, both counted in recipients. Each is a token bucket: O(1) per send, no timers; the daily
 * quota refills at quota per 24 h, which is the O(1) form of SES's rolling 24-hour window. A send
 * may take a bucket below zero (a message to more recipients than the rate allows still goes out
 * once the bucket is full), as long as it finds the bucket holding what it needs, capped at the
 * bucket's size.
 */

export type LimitOptions = {
  /** Recipients per second. */
  maxSendRate?: number;
  /** Recipients per 24 hours. */
  dailyQuota?: number;
};

/** The sandbox's quotas (reference §7.4): 200 per 24 h, 1 per second, unless set otherwise. */
export const SANDBOX_LIMITS: Required<LimitOptions> = { maxSendRate: 1, dailyQuota: 200 };

export type LimitRefusal = 'rate' | 'quota';

export type SendingLimits = {
  /** Takes `recipients` from both buckets, or says which limit refuses the send (and takes nothing). */
  take(recipients: number): LimitRefusal | undefined;
  /** Takes every message's recipients, one message after another, or none of them (and says why). */
  takeAll(messages: readonly number[]): LimitRefusal | undefined;
};

const DAY_MS = 86_400_000;

type Bucket = { size: number; perMs: number; tokens: number; at: number };

function bucket(size: number, windowMs: number, now: number): Bucket {
  return { size, perMs: size / windowMs, tokens: size, at: now };
}

function refill(b: Bucket, now: number): void {
  b.tokens = Math.min(b.size, b.tokens + (now - b.at) * b.perMs);
  b.at = now;
}

/** Undefined when no limit is set: the mock then never throttles. */
export function createSendingLimits(
  options: LimitOptions,
  now: () => number = Date.now,
): SendingLimits | undefined {
  if (options.maxSendRate === undefined && options.dailyQuota === undefined) return undefined;
  const start = now();
  const rate = options.maxSendRate === undefined ? undefined : bucket(options.maxSendRate, 1000, start);
  const quota = options.dailyQuota === undefined ? undefined : bucket(options.dailyQuota, DAY_MS, start);
  const has = (b: Bucket, n: number) => b.tokens >= Math.min(n, b.size) && b.tokens > 0;
  const limits: SendingLimits = {
    takeAll(messages) {
      const before = [rate?.tokens, quota?.tokens];
      for (const recipients of messages) {
        const refusal = limits.take(recipients);
        if (refusal === undefined) continue;
        if (rate) rate.tokens = before[0] ?? rate.tokens;
        if (quota) quota.tokens = before[1] ?? quota.tokens;
        return refusal;
      }
      return undefined;
    },
    take(recipients) {
      const t = now();
      if (rate) refill(rate, t);
      if (quota) refill(quota, t);
      if (quota && !has(quota, recipients)) return 'quota';
      if (rate && !has(rate, recipients)) return 'rate';
      if (rate) rate.tokens -= recipients;
      if (quota) quota.tokens -= recipients;
      return undefined;
    },
  };
  return limits;
}

export const LIMIT_MESSAGES: Record<LimitRefusal, string> = {
  rate: 'Maximum sending rate exceeded.',
  // SES v1's text; v2's was not captured (RULES.md records it as unverified).
  quota: 'Daily message quota exceeded.',
};
