/**
 * SES's mailbox simulator (C-ID3; reference §7.4): addresses at `simulator.amazonses.com` that SES
 * accepts, in the sandbox too, and answers later with an event instead of a mail. The mock records
 * those events on the stored message, with the field names SES's event publishing uses, so a team
 * can build its bounce and complaint handling against the inbox JSON.
 */
import { parseMailbox } from '../contract/address/parse-mailbox.ts';

export const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

export type SimulatorOutcome = 'success' | 'bounce' | 'ooto' | 'complaint' | 'suppressionlist';

const OUTCOMES: ReadonlySet<string> = new Set<SimulatorOutcome>([
  'success',
  'bounce',
  'ooto',
  'complaint',
  'suppressionlist',
]);

/** The simulated outcome of an address as sent (`bounce+label@…` included), or undefined. */
export function simulatorOutcome(sent: string): SimulatorOutcome | undefined {
  // Every recipient of every send passes here: skip the parse for the common address.
  if (!sent.toLowerCase().includes(SIMULATOR_DOMAIN)) return undefined;
  const parsed = parseMailbox(sent.trim());
  if (!parsed.ok || parsed.mailbox.domain.toLowerCase() !== SIMULATOR_DOMAIN) return undefined;
  const name = parsed.mailbox.localPart.toLowerCase().split('+', 1)[0] ?? '';
  return OUTCOMES.has(name) ? (name as SimulatorOutcome) : undefined;
}

export function isSimulatorAddress(sent: string): boolean {
  return simulatorOutcome(sent) !== undefined;
}

type Recipient = { emailAddress: string };

/** SES event types and their payloads, as event publishing names them. */
export type MessageEvent =
  | { eventType: 'Send' }
  | { eventType: 'Delivery'; delivery: { recipients: readonly string[] } }
  | {
      eventType: 'Bounce';
      bounce: {
        bounceType: 'Permanent';
        bounceSubType: 'General' | 'Suppressed';
        bouncedRecipients: Recipient[];
      };
    }
  | {
      eventType: 'Complaint';
      complaint: { complainedRecipients: Recipient[]; complaintFeedbackType: 'abuse' };
    }
  | { eventType: 'Rendering Failure'; failure: { errorMessage: string; templateName?: string } };

const SEND: MessageEvent = Object.freeze({ eventType: 'Send' });

/**
 * The events of a message SES sent to `recipients`: `Send`, then a `Delivery` naming the addresses
 * that received it (every ordinary one, `success@`, `ooto@` whose auto-reply goes to the sender,
 * `complaint@` which receives it before complaining), a `Bounce` (Permanent; `Suppressed` for
 * `suppressionlist@`) and a `Complaint`. Without simulator addresses: `Send`, `Delivery`.
 */
export function deliveryEvents(recipients: readonly string[]): readonly MessageEvent[] {
  // The common message has no simulator address: every recipient received it.
  if (!recipients.some((r) => r.toLowerCase().includes(SIMULATOR_DOMAIN))) return delivered(recipients);
  const outcomes = recipients.map((r) => [r, simulatorOutcome(r)] as const);
  if (outcomes.every(([, outcome]) => outcome === undefined)) return delivered(recipients);
  const received = outcomes.filter(([, o]) => o !== 'bounce' && o !== 'suppressionlist').map(([r]) => r);
  const bounced = (kind: SimulatorOutcome) =>
    outcomes.filter(([, o]) => o === kind).map(([r]) => ({ emailAddress: r }));
  const events: MessageEvent[] = [SEND];
  if (received.length > 0) events.push({ eventType: 'Delivery', delivery: { recipients: received } });
  const hard = bounced('bounce');
  if (hard.length > 0) {
    events.push({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: hard },
    });
  }
  const suppressed = bounced('suppressionlist');
  if (suppressed.length > 0) {
    events.push({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bounceSubType: 'Suppressed', bouncedRecipients: suppressed },
    });
  }
  const complained = bounced('complaint');
  if (complained.length > 0) {
    events.push({
      eventType: 'Complaint',
      complaint: { complainedRecipients: complained, complaintFeedbackType: 'abuse' },
    });
  }
  return events;
}

/** `Send`, then one `Delivery` naming every recipient (SES's `delivery.recipients`). */
function delivered(recipients: readonly string[]): readonly MessageEvent[] {
  return [SEND, { eventType: 'Delivery', delivery: { recipients } }];
}
