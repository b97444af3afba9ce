import type {
  CategorySales,
  CategorySalesQuery,
  MonitoringOverview,
  MonitoringPerformance,
  QueueFigures,
  RegistrationsQuery,
  RegistrationsSeries,
} from '@ticketing/contracts';
import type { BusinessFigures } from './metrics.ts';
import { buildOverview } from './overview.ts';
import type { MonitoringRepository } from './repository.ts';
import type { SystemWindow } from './system-window.ts';
import { MINUTE_MS, summarize } from './window.ts';

/** What a waiting room reports, per session, whenever monitoring asks (a scrape or a dashboard refresh). */
export type QueueSource = () => QueueFigures[] | Promise<QueueFigures[]>;

/** Events listed on the board; the rest are counted (`truncated`). */
const OVERVIEW_EVENTS = 100;
/** Business gauges are read from the database at most this often, however often Prometheus scrapes. */
const BUSINESS_CACHE_MS = 2_000;

/** One load at a time, and its result reused for ttlMs. */
function cachedFor<T>(ttlMs: number, load: () => Promise<T>) {
  let entry: { at: number; value: Promise<T> } | null = null;
  return (): Promise<T> => {
    const at = Date.now();
    if (!entry || at - entry.at > ttlMs) {
      const value = load();
      entry = { at, value };
      // A failure is not cached: the next call tries again.
      value.catch(() => {
        if (entry?.value === value) entry = null;
      });
    }
    return entry.value;
  };
}

export function monitoringService(deps: {
  repo: MonitoringRepository;
  window: SystemWindow;
  onError: (err: unknown, context: string) => void;
  now?: () => number;
}) {
  const { repo } = deps;
  const now = deps.now ?? Date.now;
  const queueSources = new Set<QueueSource>();

  const business = cachedFor(BUSINESS_CACHE_MS, async (): Promise<BusinessFigures> => {
    const [figures, jobs] = await Promise.all([repo.businessFigures(), repo.jobQueues()]);
    return { ...figures, jobs };
  });

  async function queues(): Promise<QueueFigures[]> {
    const all: QueueFigures[] = [];
    for (const source of queueSources) {
      try {
        all.push(...(await source()));
      } catch (err) {
        deps.onError(err, 'a waiting-room figures source failed');
      }
    }
    return all;
  }

  return {
    registerQueueSource(source: QueueSource): () => void {
      queueSources.add(source);
      return () => queueSources.delete(source);
    },

    queues,

    /** Business gauges for /metrics; null when the database cannot be read right now. */
    async business(): Promise<BusinessFigures | null> {
      try {
        return await business();
      } catch (err) {
        deps.onError(err, 'reading business figures for /metrics failed');
        return null;
      }
    },

    async overview(): Promise<MonitoringOverview> {
      const [rows, totalEvents, figures] = await Promise.all([
        repo.eventsWithSessions(OVERVIEW_EVENTS),
        repo.countEvents(),
        business(),
      ]);
      const sessionIds = rows.flatMap((r) => (r.session_id ? [r.session_id] : []));
      return buildOverview({
        rows,
        figures: await repo.sessionFigures(sessionIds),
        totalEvents,
        limit: OVERVIEW_EVENTS,
        business: figures,
        jobs: figures.jobs,
        now: now(),
      });
    },

    async registrations(q: RegistrationsQuery): Promise<RegistrationsSeries> {
      const rows = await repo.registrations(q);
      const points = rows.map((r) => ({
        t: new Date(r.t).toISOString(),
        orders: r.orders,
        paidOrders: r.paid,
        tickets: r.tickets,
      }));
      const sum = (pick: (p: (typeof points)[number]) => number) => points.reduce((n, p) => n + pick(p), 0);
      return {
        bucket: q.bucket,
        tz: q.tz,
        from: q.from,
        to: q.to,
        points,
        totals: {
          orders: sum((p) => p.orders),
          paidOrders: sum((p) => p.paidOrders),
          tickets: sum((p) => p.tickets),
        },
      };
    },

    async categorySales(q: CategorySalesQuery): Promise<CategorySales> {
      const rows = await repo.categorySales(q);
      const items = new Map<string, CategorySales['items'][number]>();
      for (const r of rows) {
        let item = items.get(r.category);
        if (!item) {
          item = {
            category: r.category,
            label: r.label ?? r.category,
            color: r.color,
            tickets: 0,
            revenue: [],
          };
          items.set(r.category, item);
        }
        item.tickets += r.tickets;
        item.revenue.push({ currency: r.currency, amountCents: Math.round(r.cents) });
      }
      return { items: [...items.values()].sort((a, b) => b.tickets - a.tickets) };
    },

    async performance(minutes: number): Promise<MonitoringPerformance> {
      const at = now();
      const since = at - (minutes - 1) * MINUTE_MS;
      const [{ perProcess, processes }, queueFigures] = await Promise.all([
        deps.window.read(since),
        queues(),
      ]);
      return {
        generatedAt: new Date(at).toISOString(),
        ...summarize(perProcess, { since, now: at, processes }),
        queues: queueFigures,
      };
    },
  };
}

export type MonitoringService = ReturnType<typeof monitoringService>;
