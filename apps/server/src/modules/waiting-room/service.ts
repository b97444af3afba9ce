import type {
  QueueAccess,
  QueueControl,
  QueueJoinResponse,
  QueueMonitor,
  QueueStatus,
} from '@ticketing/contracts';
import type { Coordinator } from '../../coord/port.ts';
import { batcher } from '../../lib/batcher.ts';
import { AppError, NotFound, RateLimited } from '../../lib/errors.ts';
import { AddressBuckets, scopeOf } from './address-buckets.ts';
import { pendingAdmissions } from './admission.ts';
import {
  QueueAccessExpired,
  QueueAccessRequired,
  QueueClosed,
  QueueNotAdmitted,
  QueueNotOpen,
  QueueOff,
  QueuePlaceExpired,
  QueueTokenForeign,
  QueueTokenInvalid,
  QueueUnavailable,
} from './errors.ts';
import { roomKeys } from './keys.ts';
import {
  type AdmissionLeader,
  admissionLeader,
  type Control,
  enteredInWindow,
  entryBucket,
} from './leader.ts';
import { keyedPermutation, keysFromDigest } from './permutation.ts';
import { PollPlaces } from './poll-places.ts';
import type { WaitingRoomRepository } from './repository.ts';
import {
  accessRequired,
  initialRoom,
  type PlaceOf,
  personStatus,
  personStatusJson,
  phaseAt,
  publicState,
  type RoomState,
  type SessionFacts,
} from './room.ts';
import { roomStore } from './room-store.ts';
import { TokenError, UUID_LENGTH, type WaitingRoomTokens } from './tokens.ts';

/**
 * The waiting room's use cases. Join and enter touch the coordinator (one atomic claim, a few
 * keys); status, serving and the access check on holds are answered from this process's memory.
 */

// Charged only to an account that already holds a place (the claim's `again` bucket, kept with
// the claims): it limits joining again. A first join cannot be a repeat, and the address's bucket
// limits attempts before it. Measured: a bucket on a key of its own was two Redis commands, ~5 µs
// of Redis per join of the ~11 µs a first join's claim cost, and its key, sent per join, ~2 µs of
// this process's CPU (bench/queue.ts, docs/BENCHMARKS.md).
export const JOIN_PER_ACCOUNT = { limit: 10, windowMs: 60_000 };
// Generous: a carrier NAT puts thousands of people behind one address, all joining at opening.
// Kept in this process's memory, as the status polls' are, not in Redis: with N processes behind
// a load balancer an address may join up to N times this, still bounded, which is what a limit
// per address is for (the account's limit and the one place per account stay in Redis). Its
// round trip was a third of a first join's Redis time, and the round trip is what bounds joins
// per process (measured: joins 34% → 38–40% of hello world without it; docs/BENCHMARKS.md).
export const JOIN_PER_IP = { limit: 1_200, windowMs: 60_000, cost: 1 };
// Polls are limited in memory per process (no Redis per poll); generous, since many people share
// an address behind carrier NAT, and the suggested interval keeps honest clients far below.
const STATUS_PER_IP = { limit: 6_000, windowMs: 60_000, cost: 1 };
const STATUS_PER_PLACE = { limit: 60, windowMs: 60_000, cost: 1 };

type JoinClaim = { sessionId: string; accountId: string; ttlMs: number };
type ClaimResult = Awaited<ReturnType<Coordinator['claimNumbersLimited']>>[number];

export interface WaitingRoomDeps {
  coord: Coordinator;
  repo: WaitingRoomRepository;
  tokens: WaitingRoomTokens;
  findSession: (sessionId: string) => Promise<SessionFacts | null>;
  /** Persists an admin's new outflow in the session's settings. */
  saveOutflow: (sessionId: string, outflowPerMinute: number) => Promise<void>;
  onError: (err: unknown, context: string) => void;
  tickMs?: number;
}

const identity: PlaceOf = (k) => k;

export function waitingRoomService(deps: WaitingRoomDeps) {
  const { coord, tokens } = deps;
  const store = roomStore({
    coord,
    findSession: deps.findSession,
    onError: (err) => deps.onError(err, 'room store'),
  });
  const leader: AdmissionLeader = admissionLeader({
    coord,
    repo: deps.repo,
    store,
    onError: deps.onError,
    tickMs: deps.tickMs,
  });
  // Poll limits and recognised tokens, in flat buffers: no map entry or object per poll.
  const pollAddresses = new AddressBuckets();
  const joinAddresses = new AddressBuckets();
  const pollPlaces = new Map<string, PollPlaces>();
  function placesOf(room: RoomState): PollPlaces {
    let places = pollPlaces.get(room.sessionId);
    if (!places || places.epoch !== room.epoch) {
      if (pollPlaces.size >= 1_000) pollPlaces.clear();
      places = new PollPlaces(room.epoch);
      pollPlaces.set(room.sessionId, places);
    }
    return places;
  }

  /**
   * Joins that arrive while this process's previous claim is in Redis go out together: one
   * script call per session claims for all of them (the account's bucket first, then the
   * address's, then the number, for each in turn), instead of one round trip each. Measured:
   * less server CPU per join, the same Redis CPU (the script's commands are the cost), and
   * throughput within this machine's noise (docs/BENCHMARKS.md).
   */
  const joinClaims = batcher<JoinClaim, ClaimResult>(
    async (items) => {
      const bySession = new Map<string, number[]>();
      items.forEach((item, i) => {
        const list = bySession.get(item.sessionId);
        if (list) list.push(i);
        else bySession.set(item.sessionId, [i]);
      });
      const results: ClaimResult[] = new Array(items.length);
      await Promise.all(
        [...bySession].map(async ([sessionId, at]) => {
          const keys = roomKeys(sessionId);
          let ttlMs = 0;
          const claimants = at.map((i) => {
            const { accountId, ttlMs: ttl } = items[i]!;
            if (ttl > ttlMs) ttlMs = ttl;
            return accountId;
          });
          const answers = await coord.claimNumbersLimited(
            keys.joined,
            keys.claims,
            { ttlMs, again: JOIN_PER_ACCOUNT },
            claimants,
          );
          at.forEach((i, j) => {
            results[i] = answers[j]!;
          });
        }),
      );
      return results;
    },
    { maxBatch: 256, maxInFlight: 1 },
  );

  // The draw for one (session, pre-queue size) never changes: build it once per process. Polls
  // of one session follow each other, so the last one asked for is checked first (no key string).
  const draws = new Map<string, PlaceOf>();
  let lastDraw = { sessionId: '', n: -1, placeOf: identity };
  function placeOf(room: RoomState): PlaceOf {
    const n = room.prequeueSize ?? 0;
    if (n === 0) return identity;
    if (lastDraw.n === n && lastDraw.sessionId === room.sessionId) return lastDraw.placeOf;
    const id = `${room.sessionId}:${n}`;
    let p = draws.get(id);
    if (!p) {
      if (draws.size > 1_000) draws.clear();
      const perm = keyedPermutation(n, keysFromDigest(tokens.drawKey(room.sessionId, n)));
      p = (k: number) => (k <= n ? perm.apply(k - 1) + 1 : k);
      draws.set(id, p);
    }
    lastDraw = { sessionId: room.sessionId, n, placeOf: p };
    return p;
  }

  async function roomOf(sessionId: string) {
    const room = await store.get(sessionId);
    if (!room) throw new QueueOff();
    return room;
  }

  function readQueueToken(token: string, sessionId: string) {
    return readToken(() => tokens.readQueueToken(token, sessionId));
  }

  /** The token's errors as the API's. */
  function readToken<T>(read: () => T): T {
    try {
      return read();
    } catch (err) {
      if (!(err instanceof TokenError)) throw err;
      throw new QueueTokenInvalid(
        err.problem === 'wrong-session'
          ? 'for another session'
          : err.problem === 'forged'
            ? 'not ours'
            : 'malformed',
      );
    }
  }

  function statusOf(room: RoomState, joinNumber: number, now = Date.now()) {
    return personStatus(room, joinNumber, now, placeOf(room));
  }

  /** A token from another queue epoch (the coordinator lost the queue) never shares a place. */
  function checkEpoch(room: RoomState, ticket: { epoch: number }) {
    if (ticket.epoch !== room.epoch) throw new QueueTokenInvalid('from an earlier queue for this session');
  }

  /** Coordinator failures on join and enter are a clear 503, not a 500. */
  async function viaCoordinator<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AppError) throw err;
      deps.onError(err, 'coordinator');
      throw new QueueUnavailable();
    }
  }

  /** Where an admission window started, from the status's deadline (the leader's checkpoints). */
  const admittedAtOf = (room: RoomState, enterBy: string | null, now: number) =>
    enterBy ? Date.parse(enterBy) - room.noShowMs : now;

  /** One poll: the token, its queue epoch, its limits, then the status. Throws the domain errors. */
  function poll(room: RoomState, sessionId: string, token: string, ip: string): QueueStatus {
    const places = placesOf(room);
    // A token that verified here before is known by its place and fingerprint: no HMAC, no allocation.
    const place = places.known(token) || verifiedPlace(room, places, sessionId, token);
    const now = Date.now();
    const wait = pollWait(places, place, ip, now);
    if (wait > 0) throw new RateLimited(Math.ceil(wait / 1000), 'Polling too often. Wait a moment.');
    return personStatus(room, place, now, positionsOf(room, places));
  }

  /** The token's join number after its full check, remembered for its next polls. Throws the domain errors. */
  function verifiedPlace(room: RoomState, places: PollPlaces, sessionId: string, token: string): number {
    const ticket = readToken(() => tokens.readQueuePlace(token, sessionId));
    checkEpoch(room, ticket);
    places.remember(ticket.joinNumber, token);
    return ticket.joinNumber;
  }

  /** The room's draw, each polling place's position kept in its slot once worked out. */
  function positionsOf(room: RoomState, places: PollPlaces): PlaceOf {
    const n = room.prequeueSize ?? 0;
    return n === 0 ? identity : places.positions(n, placeOf(room));
  }

  /**
   * The poll's limits: 0 when it may go ahead, else milliseconds to wait. The place's own bucket
   * first (one place per account per session, so this is the account's), so a refused token does
   * not use up its address's bucket.
   */
  function pollWait(places: PollPlaces, place: number, ip: string, now: number): number {
    return places.take(place, now, STATUS_PER_PLACE) || pollAddresses.take(ip, now, STATUS_PER_IP);
  }

  /**
   * The address's bucket here (per session), then one round trip shared with the joins around it:
   * the account's bucket, for an account that already holds a place, then the claim. One abusive
   * account behind a shared address must not empty its neighbours' bucket with requests refused
   * anyway: a join the account's limit refuses, or that fails, gives its address token back, and
   * an account refused is then refused here, before its address's bucket, until its limit would
   * let it in (a table that is empty, and costs nothing, while nobody is refused).
   */
  const refusedUntil = new Map<string, number>();
  async function claimBehindLimits(
    sessionId: string,
    accountId: string,
    ip: string,
    ttlMs: number,
    now: number,
  ): Promise<ClaimResult> {
    if (refusedUntil.size > 0) {
      const until = refusedUntil.get(`${sessionId}:${accountId}`);
      if (until !== undefined && until > now) return { limited: true, retryAfterMs: until - now };
    }
    const scope = scopeOf(sessionId);
    const wait = joinAddresses.take(ip, now, JOIN_PER_IP, scope);
    if (wait > 0) throw new RateLimited(Math.ceil(wait / 1000), 'Too many attempts to join. Wait a moment.');
    let claimed: ClaimResult;
    try {
      claimed = await joinClaims.submit({ sessionId, accountId, ttlMs });
    } catch (err) {
      joinAddresses.giveBack(ip, JOIN_PER_IP, scope);
      throw err;
    }
    if ('limited' in claimed) {
      joinAddresses.giveBack(ip, JOIN_PER_IP, scope);
      if (refusedUntil.size >= 100_000) refusedUntil.clear();
      refusedUntil.set(`${sessionId}:${accountId}`, Date.now() + claimed.retryAfterMs);
    }
    return claimed;
  }

  const claimTtl = (room: RoomState) => Math.max(60_000, room.salesCloseAt - Date.now() + 3_600_000);

  async function joinNow(sessionId: string, accountId: string, ip: string): Promise<QueueJoinResponse> {
    const room = await store.get(sessionId);
    if (!room) {
      if (!(await deps.findSession(sessionId))) throw new NotFound('Session');
      throw new QueueOff();
    }
    const now = Date.now();
    const phase = phaseAt(room, now);
    if (phase === 'off') throw new QueueOff();
    if (phase === 'not-yet') {
      const opens = room.mode === 'scheduled' ? (room.prequeueOpensAt ?? room.salesOpenAt) : room.salesOpenAt;
      throw new QueueNotOpen(new Date(opens));
    }
    if (phase === 'closed') {
      const s = statusOf(room, 0, now);
      throw new QueueClosed(s.closedReason ?? 'sales-closed', s.message);
    }
    const claimed = await claimBehindLimits(sessionId, accountId, ip, claimTtl(room), now);
    if ('limited' in claimed)
      throw new RateLimited(
        Math.ceil(claimed.retryAfterMs / 1000),
        'Too many attempts to join. Wait a moment.',
      );
    let claim = claimed;
    if (!claim.fresh) {
      // Someone whose turn came and went, or whose shopping time ran out, goes to the back.
      const s = statusOf(room, claim.number, now);
      if (s.state === 'admitted' && s.enterBy && Date.parse(s.enterBy) < now) {
        // (Keys built only here: roomKeys makes closures and strings a fresh join never needs.)
        const keys = roomKeys(sessionId);
        const entered = Number(await coord.getValue(keys.entered(accountId)));
        if (!entered || entered + room.shoppingMs < now) {
          claim = await coord.claimNumber(keys.joined, keys.claims, accountId, {
            ttlMs: claimTtl(room),
            replace: claim.number,
          });
        }
      }
    }
    const token = tokens.issueQueueToken({
      sessionId,
      accountId,
      joinNumber: claim.number,
      issuedAt: Math.floor(now / 1000),
      epoch: room.epoch,
    });
    return { token, joinNumber: claim.number, fresh: claim.fresh, status: statusOf(room, claim.number, now) };
  }

  return {
    async join(sessionId: string, accountId: string, ip: string): Promise<QueueJoinResponse> {
      return viaCoordinator(() => joinNow(sessionId, accountId, ip));
    },

    /**
     * The same join, or null at once when this process does not have the room in memory (the
     * route then looks it up; http/fast-joins.ts). It rejects with the domain errors `join` throws.
     */
    joinHere(sessionId: string, accountId: string, ip: string): Promise<QueueJoinResponse> | null {
      if (!store.peek(sessionId)) return null;
      return viaCoordinator(() => joinNow(sessionId, accountId, ip));
    },

    /**
     * The poll without any waiting, as its JSON answer: null whenever the answer is not a plain
     * 200 from memory (an unknown room, a bad token, a limit reached), and the full route then
     * answers properly. A limit reached is a null without an exception: a flood of polls over
     * their limits costs no stack trace here.
     *
     * Read from the poll's URL where it is: the session id is the 36 characters (a UUID) of `text`
     * at `idAt`, the token the rest of it from `tokenAt`. A token seen before is then recognised
     * without cutting either out of the URL.
     */
    statusJsonAt(text: string, idAt: number, tokenAt: number, ip: string): string | null {
      const now = Date.now();
      const room = store.peekAt(text, idAt, UUID_LENGTH, now);
      if (!room) return null;
      const places = placesOf(room);
      let place = places.known(text, tokenAt);
      if (place === 0) {
        try {
          place = verifiedPlace(room, places, room.sessionId, text.slice(tokenAt));
        } catch {
          return null;
        }
      }
      if (pollWait(places, place, ip, now) > 0) return null;
      return personStatusJson(room, place, now, positionsOf(room, places));
    },

    /** Answered from memory: the token and the room as last published. */
    async status(sessionId: string, token: string, ip: string): Promise<QueueStatus> {
      readQueueToken(token, sessionId); // a bad token is refused before any room is looked up
      return poll(await roomOf(sessionId), sessionId, token, ip);
    },

    async serving(sessionId: string) {
      const room = await store.get(sessionId);
      return room ? publicState(room, Date.now()) : null;
    },

    /** The serving state of a session without a queue (404 when there is no such session). */
    async offState(sessionId: string) {
      const session = await deps.findSession(sessionId);
      if (!session) throw new NotFound('Session');
      return publicState(initialRoom({ ...session, queueMode: 'off' }, Date.now()), Date.now());
    },

    /** Admitted → a booking access token, the same one (same expiry) on every call. */
    async enter(sessionId: string, accountId: string, token: string): Promise<QueueAccess> {
      const ticket = readQueueToken(token, sessionId);
      if (ticket.accountId !== accountId) throw new QueueTokenForeign();
      return viaCoordinator(async () => {
        const room = await roomOf(sessionId);
        checkEpoch(room, ticket);
        const now = Date.now();
        const s = statusOf(room, ticket.joinNumber, now);
        if (s.state === 'closed') throw new QueueClosed(s.closedReason ?? 'sales-closed', s.message);
        if (s.state !== 'admitted') throw new QueueNotAdmitted(s.position);
        const keys = roomKeys(sessionId);
        // The first entry is remembered until sales close: entering again never renews the time.
        const until = Math.max(60_000, room.salesCloseAt - now + 3_600_000);
        let enteredAt = Number(await coord.getValue(keys.entered(accountId))) || null;
        if (enteredAt === null) {
          if (s.enterBy && Date.parse(s.enterBy) < now) throw new QueuePlaceExpired();
          if (await coord.setIfAbsent(keys.entered(accountId), String(now), until)) {
            enteredAt = now;
            await Promise.all([
              coord.incr(keys.entries(entryBucket(admittedAtOf(room, s.enterBy, now)))),
              coord.putGroupMember(keys.shoppers, accountId, String(now), room.shoppingMs),
            ]);
          } else {
            enteredAt = Number(await coord.getValue(keys.entered(accountId))) || now;
          }
        }
        const expiresAt = Math.min(enteredAt + room.shoppingMs, room.salesCloseAt);
        if (expiresAt <= now)
          throw new QueuePlaceExpired('Your time to choose seats is over. Join again for a new place.');
        return {
          accessToken: tokens.issueAccessToken({
            sessionId,
            accountId,
            expiresAt: Math.floor(expiresAt / 1000),
          }),
          expiresAt: new Date(Math.floor(expiresAt / 1000) * 1000).toISOString(),
        };
      });
    },

    /** Holds call this first: while a session's queue is on, only admitted shoppers may hold. */
    async checkAccess(sessionId: string, accountId: string, accessToken: string | undefined) {
      const room = await viaCoordinator(() => store.get(sessionId));
      const now = Date.now();
      if (!accessRequired(room, now)) return;
      if (!accessToken) throw new QueueAccessRequired(sessionId);
      let grant: ReturnType<WaitingRoomTokens['readAccessToken']>;
      try {
        grant = tokens.readAccessToken(accessToken, sessionId);
      } catch (err) {
        if (!(err instanceof TokenError)) throw err;
        throw new QueueAccessRequired(sessionId, 'This queue access token is not valid for this session.');
      }
      if (grant.accountId !== accountId)
        throw new QueueAccessRequired(sessionId, 'This queue access token belongs to another account.');
      if (grant.expiresAt * 1000 <= now) throw new QueueAccessExpired(sessionId);
    },

    async monitor(sessionId: string): Promise<QueueMonitor> {
      const room = await roomOf(sessionId);
      const keys = roomKeys(sessionId);
      const [entered, activeShoppers, stock] = await Promise.all([
        enteredInWindow(coord, room, Date.now()),
        coord.countGroup(keys.shoppers),
        deps.repo.stock(sessionId),
      ]);
      const now = Date.now();
      const serving = publicState(room, now);
      return {
        serving,
        waiting: Math.max(0, room.joined - room.serving),
        activeShoppers,
        pendingAdmissions: pendingAdmissions(room, entered, now),
        maxActiveShoppers: room.maxActiveShoppers,
        remainingSeats: stock.available,
        leader: leader.isLeading(sessionId),
      };
    },

    async control(sessionId: string, change: QueueControl): Promise<QueueMonitor> {
      await roomOf(sessionId);
      const key = roomKeys(sessionId).control;
      const current = JSON.parse((await coord.getValue(key)) ?? '{}') as Control;
      if ('action' in change) {
        current.paused = change.action === 'pause';
        await coord.setValue(key, JSON.stringify(current));
      } else {
        // The session's settings are the one source of the outflow; leaders re-read them.
        await deps.saveOutflow(sessionId, change.outflowPerMinute);
        leader.rediscover();
      }
      await leader.tick();
      return this.monitor(sessionId);
    },

    /**
     * For monitoring: every live room as last published (the deployment's figures, the same on
     * every process), with the shopper count read from the coordinator.
     */
    async figures() {
      const now = Date.now();
      const live = store.loaded().filter((room) => phaseAt(room, now) !== 'off');
      return Promise.all(
        live.map(async (room) => ({
          sessionId: room.sessionId,
          waiting: Math.max(0, room.joined - room.serving),
          admitted: room.serving,
          activeShoppers: await coord.countGroup(roomKeys(room.sessionId).shoppers).catch(() => 0),
          admissionRatePerMinute: Math.round(room.ratePerMinute * 10) / 10,
        })),
      );
    },

    /**
     * Follows the rooms other processes publish and, unless `lead` is false, takes part in the
     * election of each room's admission leader. The queue edge (queue-edge.ts) only follows.
     */
    async start(opts: { lead?: boolean } = {}) {
      const lead = opts.lead ?? true;
      const unsubscribe = await store.listen();
      if (lead) leader.start();
      return async () => {
        if (lead) await leader.stop();
        await unsubscribe();
      };
    },
    /** Tests: run the leader once now instead of waiting for its timer. */
    tick: () => leader.tick(),
    rediscover: () => leader.rediscover(),
  };
}

export type WaitingRoomService = ReturnType<typeof waitingRoomService>;
