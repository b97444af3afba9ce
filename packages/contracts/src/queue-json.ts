import type { QueueJoinResponse, QueueStatus } from './queue.ts';

/**
 * A queue status as JSON, written out field by field: what JSON.stringify gives (tested against
 * it), for the answer a million waiting people ask for over and over (http/fast-polls.ts), at a
 * fraction of its cost: no walk over the object's keys, and the few message texts are escaped
 * once, not on every poll.
 *
 * Always ASCII: a character beyond it (only ever in a message) is written as a \uXXXX escape,
 * which every JSON reader reads back as the same text. So the answer's byte length is its
 * length, and it goes out one byte per character with no UTF-8 pass (http/fast-path.ts).
 */
export function queueStatusJson(s: QueueStatus): string {
  const eta =
    s.etaSeconds === null ? 'null' : `{"min":${num(s.etaSeconds.min)},"max":${num(s.etaSeconds.max)}}`;
  return `{"state":${plain(s.state)},"position":${num(s.position)},"ahead":${num(s.ahead)},"progress":${num(s.progress)},"etaSeconds":${eta},"pollAfterSeconds":${num(s.pollAfterSeconds)},"salesOpenAt":${plain(s.salesOpenAt)},"enterBy":${plain(s.enterBy)},"paused":${s.paused},"closedReason":${plain(s.closedReason)},"message":${text(s.message)}}`;
}

/** A join's answer as JSON, the same way (its token is base64url: nothing to escape). */
export function queueJoinJson(j: QueueJoinResponse): string {
  return `{"token":${plain(j.token)},"joinNumber":${num(j.joinNumber)},"fresh":${j.fresh},"status":${queueStatusJson(j.status)}}`;
}

/** As JSON writes a number: finite ones as their shortest text, the rest (and null) as null. */
const num = (n: number | null) => (n !== null && Number.isFinite(n) ? `${n}` : 'null');

/** Enum values and ISO times: nothing in them needs escaping. */
const plain = (value: string | null) => (value === null ? 'null' : `"${value}"`);

// Messages come from a handful of fixed texts; anything else is escaped and kept too, bounded.
const escaped = new Map<string, string>();
function text(value: string): string {
  let json = escaped.get(value);
  if (json === undefined) {
    json = JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    if (value.length <= 300) {
      if (escaped.size >= 1_000) escaped.clear();
      escaped.set(value, json);
    }
  }
  return json;
}
