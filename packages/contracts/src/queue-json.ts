import type { QueueJoinResponse, QueueStatus } from './queue.ts';
import type { WaitingFigures } from './queue-math.ts';

/**
 * A queue status as JSON, written out field by field: what JSON.stringify gives (tested against
 * it), for the answer a million waiting people ask for over and over (http/fast-polls.ts), at a
 * fraction of its cost: no walk over the object's keys, and the few message texts are escaped
 * once, not on every poll.
 *
 * Always ASCII: a character beyond it (only ever in a message) is written as a \uXXXX escape,
 * which every JSON reader reads back as the same text. So the answer's byte length is its
 * length, and it goes out one byte per character with no UTF-8 pass (http/fast-polls.ts and
 * http/fast-path.ts).
 */
export function queueStatusJson(s: QueueStatus): string {
  const eta =
    s.etaSeconds === null ? 'null' : `{"min":${num(s.etaSeconds.min)},"max":${num(s.etaSeconds.max)}}`;
  return `{"state":${plain(s.state)},"position":${num(s.position)},"ahead":${num(s.ahead)},"progress":${num(s.progress)},"etaSeconds":${eta},"pollAfterSeconds":${num(s.pollAfterSeconds)},"salesOpenAt":${plain(s.salesOpenAt)},"enterBy":${plain(s.enterBy)},"paused":${s.paused},"closedReason":${plain(s.closedReason)},"message":${text(s.message)}}`;
}

/**
 * The answer nearly every poll gets, a waiting person's, from their position and figures: exactly
 * what queueStatusJson writes for that status (tested), for less. Everything after the ETA (the
 * poll interval, the sales opening, the paused flag, the message) is the same for everyone polling
 * a room in the same state, so it is written once and reused; the progress, with the key after
 * it, is read from a table of its 1,001 possible texts (it is rounded to thousandths) instead of
 * formatting a fraction per poll. Fewer, longer pieces: each piece joined is a string made.
 */
export function waitingStatusJson(
  position: number,
  f: WaitingFigures,
  salesOpenAt: string,
  paused: boolean,
): string {
  const head = `{"state":"waiting","position":${num(position)},"ahead":${num(f.ahead)}${progressThenEta(f.progress)}`;
  const tail = waitingTail(f.pollAfterSeconds, salesOpenAt, paused, f.message);
  const eta = f.etaSeconds;
  return eta === null ? `${head}null${tail}` : `${head}{"min":${num(eta.min)},"max":${num(eta.max)}}${tail}`;
}

const PROGRESS_TEXTS = Array.from({ length: 1001 }, (_, i) => `,"progress":${i / 1000},"etaSeconds":`);
function progressThenEta(progress: number | null): string {
  const i = progress === null ? -1 : Math.round(progress * 1000);
  // Only a value the table holds exactly (anything else is written as usual).
  return i >= 0 && i <= 1000 && i / 1000 === progress
    ? PROGRESS_TEXTS[i]!
    : `,"progress":${num(progress)},"etaSeconds":`;
}

/** Poll intervals kept as written tails: whole seconds up to this. */
const TAIL_SECONDS = 60;
// The last room state's tails, one per poll interval: one room in one state polled over and over
// asks for the same few.
const noTails = () => new Array<string>(TAIL_SECONDS + 1).fill('');
let tails = { salesOpenAt: '', paused: false, message: '', json: noTails() };
function waitingTail(
  pollAfterSeconds: number,
  salesOpenAt: string,
  paused: boolean,
  message: string,
): string {
  if (tails.salesOpenAt !== salesOpenAt || tails.paused !== paused || tails.message !== message)
    tails = { salesOpenAt, paused, message, json: noTails() };
  const kept =
    Number.isInteger(pollAfterSeconds) && pollAfterSeconds >= 0 && pollAfterSeconds <= TAIL_SECONDS;
  let json = kept ? tails.json[pollAfterSeconds]! : '';
  if (json === '') {
    json = `,"pollAfterSeconds":${num(pollAfterSeconds)},"salesOpenAt":${plain(salesOpenAt)},"enterBy":null,"paused":${paused},"closedReason":null,"message":${text(message)}}`;
    if (kept) tails.json[pollAfterSeconds] = json;
  }
  return json;
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
