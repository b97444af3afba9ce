import fs from 'node:fs';

/**
 * Where the CPU went while a scenario ran (Linux /proc; empty elsewhere), in % of one core: this
 * bench process (the load generator), its child processes (the server under test), the
 * PostgreSQL backends connected to the bench database, and the whole machine (2 cores = 200%).
 * Work that other processes did in the same window shows as the gap to the machine total.
 */
export type CpuShare = {
  loadgen: number;
  server: number;
  /** The server's main thread (event loop); the rest of `server` is its worker threads and GC helpers. */
  serverMain: number;
  postgres: number;
  /** Every redis-server process on the machine (the bench's Redis is shared by all its keys). */
  redis: number;
  machine: number;
};

export const TICKS = 100; // USER_HZ on Linux

function processes() {
  const out: { pid: number; ppid: number; ticks: number; cmd: string }[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(d), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), cmd });
    } catch {
      // the process ended while we looked
    }
  }
  return out;
}

function machineBusy() {
  const [, ...v] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  return v.reduce((a, b) => a + b, 0) - v[3]! - v[4]!; // all but idle and iowait
}

type Role = 'loadgen' | 'server' | 'serverMain' | 'postgres' | 'redis';

/** CPU ticks of a process's main thread (its thread id is the process id), in user and kernel mode. */
export function mainThreadCpu(pid: number): { user: number; sys: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { user: Number(f[11]), sys: Number(f[12]) };
  } catch {
    return { user: 0, sys: 0 };
  }
}

/** Page faults of a whole process so far: minor (no disk) and major. */
export function pageFaults(pid: number): { minor: number; major: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { minor: Number(f[7]), major: Number(f[9]) };
  } catch {
    return { minor: 0, major: 0 };
  }
}

function mainThreadTicks(pid: number) {
  const { user, sys } = mainThreadCpu(pid);
  return user + sys;
}

function snapshot(dbName: string) {
  const ticks = new Map<number, { role: Role; ticks: number }>();
  for (const p of processes()) {
    const role: Role | null =
      p.pid === process.pid
        ? 'loadgen'
        : p.ppid === process.pid
          ? 'server'
          : p.cmd.startsWith('postgres:') && p.cmd.includes(` ${dbName} `)
            ? 'postgres'
            : p.cmd.startsWith('/usr/bin/redis-server') || p.cmd.startsWith('redis-server')
              ? 'redis'
              : null;
    if (role) ticks.set(p.pid, { role, ticks: p.ticks });
    // Keyed apart from the process (negative pid) so the per-process sum stays whole.
    if (role === 'server') ticks.set(-p.pid, { role: 'serverMain', ticks: mainThreadTicks(p.pid) });
  }
  return { ticks, machine: machineBusy() };
}

export async function measureCpu<T>(
  dbName: string,
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: CpuShare | null }> {
  if (!fs.existsSync('/proc/stat')) return { result: await fn(), cpu: null };
  const a = snapshot(dbName);
  const t0 = performance.now();
  const result = await fn();
  const b = snapshot(dbName);
  const secs = (performance.now() - t0) / 1000;
  const pct = (d: number) => Math.round((d / TICKS / secs) * 100);
  const used = { loadgen: 0, server: 0, serverMain: 0, postgres: 0, redis: 0 };
  // A process that started during the run counts from zero (pg.Pool connects lazily).
  for (const [pid, now] of b.ticks) used[now.role] += now.ticks - (a.ticks.get(pid)?.ticks ?? 0);
  return {
    result,
    cpu: {
      loadgen: pct(used.loadgen),
      server: pct(used.server),
      serverMain: pct(used.serverMain),
      postgres: pct(used.postgres),
      redis: pct(used.redis),
      machine: pct(b.machine - a.machine),
    },
  };
}
