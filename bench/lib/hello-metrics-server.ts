import Fastify from 'fastify';
import { installHttpMetrics } from '../../apps/server/src/modules/monitoring/http-hook.ts';
import { HttpRecorder } from '../../apps/server/src/modules/monitoring/recorder.ts';

// Fastify's hello world, with the monitoring module's request hook when METRICS_HOOK=1: the same
// code either way, so the difference between two runs is the hook alone.
const app = Fastify({ logger: false });
if (process.env.METRICS_HOOK === '1') installHttpMetrics(app, new HttpRecorder());
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
