import http from 'node:http';

/**
 * A lean keep-alive HTTP/1.1 client for the load generators. fetch() (undici through WHATWG
 * streams) cost the bench process ~0.4 ms of CPU per request, as much as the server spent
 * answering it; on a 2-core machine shared with the server and PostgreSQL that CPU came out of
 * the system under test. node:http with a keep-alive agent sends the same requests for less.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

export function request(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
