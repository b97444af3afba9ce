import { Problem } from '@ticketing/contracts';

/** OpenAPI documentation of the error answers a route can give, all problem+json. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Problem.loose().describe('RFC 9457 problem details')]));
}
