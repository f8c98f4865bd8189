import { toIssues, type Issue } from '@chiso/core';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';

/** A request that does not match its route's schema; issues are in Vietnamese with paths. */
export class RequestValidationError extends Error {
  override readonly name = 'RequestValidationError';

  constructor(readonly issues: Issue[]) {
    super('request validation failed');
  }
}

const PART_NAMES: Record<string, string> = {
  body: '',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Validates each part of a request with its zod schema, reporting in Vietnamese. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const prefix = PART_NAMES[httpPart ?? 'body'] ?? '';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(toIssues(result.error, prefix)) };
  };
};
