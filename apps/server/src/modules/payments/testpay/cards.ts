/**
 * The test cards and what each one does. Pure: the gateway asks this file what a card number means
 * and turns the answer into a state change.
 */
export type CardOutcome =
  | { kind: 'succeeded' }
  | { kind: 'failed'; failureReason: 'card_declined' | 'insufficient_funds' }
  | { kind: 'requires_action' }
  /** Not one of the test cards: refused as input, like a hosted form refuses a mistyped number. */
  | { kind: 'unknown_card' };

export const TEST_CARDS: readonly { number: string; label: string; outcome: CardOutcome }[] = [
  { number: '4242424242424242', label: 'Succeeds', outcome: { kind: 'succeeded' } },
  {
    number: '4000000000000002',
    label: 'Declined',
    outcome: { kind: 'failed', failureReason: 'card_declined' },
  },
  {
    number: '4000000000009995',
    label: 'Insufficient funds',
    outcome: { kind: 'failed', failureReason: 'insufficient_funds' },
  },
  {
    number: '4000000000003220',
    label: '3-D Secure step',
    outcome: { kind: 'requires_action' },
  },
];

/** Spaces are how people type card numbers; they carry no meaning. */
export function normalizeCardNumber(input: string): string {
  return input.replace(/\s+/g, '');
}

export function isWellFormedCardNumber(normalized: string): boolean {
  return /^\d{12,19}$/.test(normalized);
}

/** The outcome for an already normalized, well-formed number. */
export function cardOutcome(normalized: string): CardOutcome {
  return TEST_CARDS.find((c) => c.number === normalized)?.outcome ?? { kind: 'unknown_card' };
}

/** `4242 4242 4242 4242`: how the hosted page shows a test card. */
export function formatCardNumber(normalized: string): string {
  return normalized.replace(/(\d{4})(?=\d)/g, '$1 ');
}
