import Fastify from 'fastify';

// The baseline: Fastify's hello world on the same machine, in the same kind of process.
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
