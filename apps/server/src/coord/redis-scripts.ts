import type { Redis } from 'ioredis';

/**
 * Lua scripts for the operations that must read and write in one step. A script runs atomically
 * in Redis, so two processes can never both see "free" or both take the last token. Each touches
 * one key, except CLAIM_NUMBER and CLAIM_NUMBERS_LIMITED, whose keys share a hash tag on Redis Cluster.
 */

// Compare-and-delete: only the holder's token may free the lock.
const RELEASE_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

// Compare-and-pexpire: a holder whose lock already expired (and maybe passed on) cannot revive it.
const EXTEND_LOCK = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

// The token bucket of token-bucket.ts, step for step, as a Lua function shared by the scripts
// below. Server TIME, not the callers' clocks, so processes with skewed clocks share one bucket
// fairly. Redis 7 replicates a script's effects, not the script, so reading TIME before writing
// is allowed.
const BUCKET = `
local function refill(state, limit, windowMs, cost, now)
  local perMs = limit / windowMs
  local epsilon = 1e-9
  local tokens = limit
  if state then
    local sep = string.find(state, ':', 1, true)
    local elapsed = math.max(0, now - tonumber(string.sub(state, sep + 1)))
    tokens = math.min(limit, tonumber(string.sub(state, 1, sep - 1)) + elapsed * perMs)
  end
  local allowed = 0
  local retryAfterMs = 0
  if tokens + epsilon >= cost then
    allowed = 1
    tokens = math.max(0, tokens - cost)
  else
    retryAfterMs = math.ceil((cost - tokens) / perMs)
  end
  return allowed, tokens, retryAfterMs, math.max(1, math.ceil((limit - tokens) / perMs))
end
-- One string "tokens:at" per bucket (GET, then SET with its expiry): two commands where a hash
-- took three, on the join path of every on-sale. Once full again the bucket equals an absent one,
-- so Redis forgets it then.
local function take(key, limit, windowMs, cost, now)
  local allowed, tokens, retryAfterMs, ttl = refill(redis.call('GET', key), limit, windowMs, cost, now)
  redis.call('SET', key, string.format('%.17g:%.17g', tokens, now), 'PX', ttl)
  return allowed, math.floor(tokens + 1e-9), retryAfterMs
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
`;

const TAKE_TOKENS = `${BUCKET}
local allowed, remaining, retryAfterMs = take(KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), now)
return { allowed, remaining, retryAfterMs }`;

// A group is one hash: member → "<expiresAtMs>:<value>", on the server's clock. The hash itself
// lives as long as its longest-lived member, so an abandoned group disappears on its own.
const PUT_GROUP_MEMBER = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[3])
redis.call('HSET', KEYS[1], ARGV[1], string.format('%d', now + ttl) .. ':' .. ARGV[2])
if redis.call('PTTL', KEYS[1]) < ttl then
  redis.call('PEXPIRE', KEYS[1], ttl)
end
return 1`;

// Returns the live members as a flat [member, value, …] list and drops the expired ones.
const READ_GROUP = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local all = redis.call('HGETALL', KEYS[1])
local live = {}
for i = 1, #all, 2 do
  local raw = all[i + 1]
  local sep = string.find(raw, ':', 1, true)
  if sep and tonumber(string.sub(raw, 1, sep - 1)) > now then
    live[#live + 1] = all[i]
    live[#live + 1] = string.sub(raw, sep + 1)
  else
    redis.call('HDEL', KEYS[1], all[i])
  end
end
return live`;

// Counts live members, dropping the expired ones (same layout as READ_GROUP).
const COUNT_GROUP = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local all = redis.call('HGETALL', KEYS[1])
local n = 0
for i = 1, #all, 2 do
  local raw = all[i + 1]
  local sep = string.find(raw, ':', 1, true)
  if sep and tonumber(string.sub(raw, 1, sep - 1)) > now then
    n = n + 1
  else
    redis.call('HDEL', KEYS[1], all[i])
  end
end
return n`;

// The waiting room's join: the claimant's number if it has one, else the next from the counter.
// Claims are one hash per session (a million claims cost ~100 bytes each, not a key each).
// Two keys (counter, claims): on Redis Cluster both must share a hash tag, e.g. {sessionId}.
const CLAIM_NUMBER = `
local held = redis.call('HGET', KEYS[2], ARGV[1])
if held and held ~= ARGV[3] then
  return { tonumber(held), 0 }
end
local n = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[2], ARGV[1], n)
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return { n, 1 }`;

// claimNumber for many claimants in one round trip: KEYS = counter, claims, and the claims'
// "again" buckets (a hash beside them: claimant → "tokens:at"); ARGV = ttl, the again rule
// (limit, windowMs; limit 0 for none), then the claimants. A claimant who already holds a number is
// charged its again bucket, and refused when it is empty; a first claim takes a number by
// CLAIM_NUMBER's rule (without replace). The bucket is named by the claimant already sent: a key
// of its own per join (~125 characters) was measured to cost the sending process ~2 µs a join.
// Answers two values per claimant: number and fresh (1/0), or -1 and retryAfterMs. Claimants are
// served in order, so one named twice gets the same number twice (and the second time is a repeat).
const CLAIM_NUMBERS_LIMITED = `${BUCKET}
local againLimit = tonumber(ARGV[2])
local againWindow = tonumber(ARGV[3])
local out = {}
local claimed = false
local charged = false
for a = 4, #ARGV do
  local claimant = ARGV[a]
  local held = redis.call('HGET', KEYS[2], claimant)
  if held then
    local allowed, retryAfterMs = 1, 0
    if againLimit > 0 then
      local tokens
      allowed, tokens, retryAfterMs = refill(redis.call('HGET', KEYS[3], claimant), againLimit, againWindow, 1, now)
      redis.call('HSET', KEYS[3], claimant, string.format('%.17g:%.17g', tokens, now))
      charged = true
    end
    if allowed == 0 then
      out[#out + 1] = -1
      out[#out + 1] = retryAfterMs
    else
      out[#out + 1] = tonumber(held)
      out[#out + 1] = 0
    end
  else
    local n = redis.call('INCR', KEYS[1])
    redis.call('HSET', KEYS[2], claimant, n)
    claimed = true
    out[#out + 1] = n
    out[#out + 1] = 1
  end
end
if charged then
  redis.call('PEXPIRE', KEYS[3], ARGV[1])
end
if claimed then
  redis.call('PEXPIRE', KEYS[2], ARGV[1])
end
return out`;

export interface CoordinatorScripts {
  tkReleaseLock(key: string, token: string): Promise<number>;
  tkExtendLock(key: string, token: string, ttlMs: number): Promise<number>;
  tkTakeTokens(
    key: string,
    limit: number,
    windowMs: number,
    cost: number,
  ): Promise<[allowed: number, remaining: number, retryAfterMs: number]>;
  tkPutGroupMember(key: string, member: string, value: string, ttlMs: number): Promise<number>;
  tkReadGroup(key: string): Promise<string[]>;
  tkCountGroup(key: string): Promise<number>;
  /** Two numbers per claimant: number and fresh, or -1 and retryAfterMs. */
  tkClaimNumbersLimited(
    counterKey: string,
    claimsKey: string,
    againKey: string,
    ttlMs: number,
    againLimit: number,
    againWindowMs: number,
    ...claimants: string[]
  ): Promise<number[]>;
  tkClaimNumber(
    counterKey: string,
    claimsKey: string,
    claimant: string,
    ttlMs: number,
    replace: string,
  ): Promise<[number: number, fresh: number]>;
}

/** Registers the scripts; ioredis then sends EVALSHA and falls back to EVAL once per connection. */
export function withScripts(client: Redis): Redis & CoordinatorScripts {
  client.defineCommand('tkReleaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
  client.defineCommand('tkExtendLock', { numberOfKeys: 1, lua: EXTEND_LOCK });
  client.defineCommand('tkTakeTokens', { numberOfKeys: 1, lua: TAKE_TOKENS });
  client.defineCommand('tkPutGroupMember', { numberOfKeys: 1, lua: PUT_GROUP_MEMBER });
  client.defineCommand('tkReadGroup', { numberOfKeys: 1, lua: READ_GROUP });
  client.defineCommand('tkCountGroup', { numberOfKeys: 1, lua: COUNT_GROUP });
  client.defineCommand('tkClaimNumber', { numberOfKeys: 2, lua: CLAIM_NUMBER });
  client.defineCommand('tkClaimNumbersLimited', { numberOfKeys: 3, lua: CLAIM_NUMBERS_LIMITED });
  return client as Redis & CoordinatorScripts;
}
