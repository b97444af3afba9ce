import type { FastifyError, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, RateLimited } from '../lib/errors.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
// Relative type URIs (RFC 9457 §3.1.1): stable identifiers that do not name a host we do not own.
const TYPE_BASE = '/problems/';

type FieldError = { path: string; message: string };

/** What a problem needs to know of its request (a Fastify request, or one answered before it). */
export type ProblemRequest = { url: string; id: string };

export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  [k: string]: unknown;
};

export function problem(
  req: ProblemRequest,
  status: number,
  code: string,
  title: string,
  detail?: string,
  extra: Record<string, unknown> = {},
): ProblemBody {
  return {
    type: `${TYPE_BASE}${code.toLowerCase().replaceAll('_', '-')}`,
    title,
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: req.url.split('?')[0],
    requestId: String(req.id),
    ...extra,
  };
}

export function sendProblem(reply: FastifyReply, body: ProblemBody): FastifyReply {
  return reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}

/** Fastify's own client errors (bad JSON, body too large, wrong media type…) keep their 4xx status. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; title: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_JSON',
    title: 'Malformed JSON',
    detail: 'The request says it is JSON but the body is empty.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'BODY_TOO_LARGE',
    title: 'Payload too large',
    detail: 'The request body is larger than this endpoint accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    title: 'Unsupported media type',
    detail: 'Send the request body as application/json.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_CONTENT_LENGTH',
    title: 'Bad Content-Length',
    detail: 'The Content-Length header does not match the body.',
  },
};

function zodIssuesToFieldErrors(err: FastifyError & { validation?: unknown[] }): FieldError[] {
  const issues = (err.validation ?? []) as { instancePath?: string; message?: string; params?: unknown }[];
  return issues.map((i) => {
    const issue = (i.params as { issue?: { path?: (string | number)[]; message?: string } } | undefined)
      ?.issue;
    const path = issue?.path?.length
      ? issue.path.join('.')
      : (i.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    return { path: path || '(body)', message: issue?.message ?? i.message ?? 'Invalid value' };
  });
}

/** The single mapping from any thrown error to problem+json. Unknown errors are 500s and are logged. */
export function errorToProblem(err: unknown, req: ProblemRequest): ProblemBody {
  if (err instanceof AppError) {
    return problem(req, err.status, err.code, err.title, err.message, err.extra);
  }
  const fe = err as FastifyError & { validation?: unknown[]; validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(fe) || fe.validation) {
    const errors = zodIssuesToFieldErrors(fe);
    const where = fe.validationContext ?? 'request';
    const summary = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return problem(req, 400, 'VALIDATION', 'Invalid request', `Invalid ${where}: ${summary}`, { errors });
  }
  if (fe.code && FASTIFY_CLIENT_ERRORS[fe.code]) {
    const known = FASTIFY_CLIENT_ERRORS[fe.code]!;
    return problem(req, fe.statusCode ?? 400, known.code, known.title, known.detail);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return problem(req, fe.statusCode, fe.code ?? 'BAD_REQUEST', 'Bad request', fe.message);
  }
  return problem(
    req,
    500,
    'INTERNAL',
    'Internal server error',
    'Something went wrong on our side. Quote the request id when reporting it.',
  );
}

export function retryAfterOf(err: unknown): number | undefined {
  if (err instanceof RateLimited) return err.retryAfterSeconds;
  // Any domain error that says when to come back (e.g. a store briefly unavailable).
  const seconds = err instanceof AppError ? err.extra.retryAfterSeconds : undefined;
  return typeof seconds === 'number' ? seconds : undefined;
}
