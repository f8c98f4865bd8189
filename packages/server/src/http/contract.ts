import type { Readable } from 'node:stream';
import { errorResponse, fileDownload, uploadForm } from '@chiso/contract';
import type { SwaggerTransform } from '@fastify/swagger';
import type {
  FastifyReply,
  FastifyRequest,
  FastifySerializerCompiler,
  FastifyTypeProvider,
} from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The form of a multipart/form-data upload, for the API documentation only: the handler
     * reads the file as a stream (http/uploads.ts), so nothing validates it as a body.
     */
    multipartForm?: z.ZodObject;
  }
}

/**
 * What a handler may return where the contract expects `T`: anything whose JSON the contract
 * accepts. A Date (or a Decimal) stands where text is expected, since JSON.stringify turns it
 * into its ISO (exact) text; a text column stands for a closed set of words, which the
 * database does not type. Both are checked against the schema itself in tests.
 */
export type Serialisable<T> = T extends string
  ? string | { toJSON(): string }
  : T extends number | boolean | null | undefined
    ? T
    : T extends Blob
      ? Buffer | Uint8Array | Readable
      : T extends readonly (infer E)[]
        ? readonly Serialisable<E>[]
        : T extends object
          ? { [K in keyof T]: Serialisable<T[K]> }
          : T;

/** Route types from the contract: requests as the schemas parse them, answers as they travel. */
export interface ContractTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends z.ZodType ? Serialisable<z.output<this['schema']>> : unknown;
}

/** The answer of an action that has nothing more to say (okResponse). */
export const OK = { ok: true } as const;

/** A route's answers: its success statuses with their schemas, and the one error shape. */
export function responds<const Success extends Record<number, unknown>>(success: Success) {
  return { ...success, '4xx': errorResponse, '5xx': errorResponse };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A file answered as bytes of a type (or any type: evidence keeps the type it came with). */
export function download(mediaType = 'application/octet-stream') {
  return { description: 'Tệp', content: { [mediaType]: { schema: fileDownload } } };
}

/** Schema parts of an upload route: multipart/form-data with the file field (and others). */
export function multipart(form: z.ZodObject = uploadForm) {
  return { consumes: ['multipart/form-data'], multipartForm: form };
}

/** An answer that does not keep its route's contract: a bug of ours, refused loudly. */
export class ResponseContractError extends Error {
  override readonly name = 'ResponseContractError';

  constructor(
    readonly route: string,
    readonly status: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(
      `${route} answered ${status} with JSON its contract refuses:\n${z.prettifyError(
        new z.ZodError(issues),
      )}`,
    );
  }
}

export interface SerializerOptions {
  /** Validate each answer after a round trip through JSON (tests, browser tests). */
  validate: boolean;
  /** Told of every break before the request fails (tests throw it at the caller). */
  onBreak?: (error: ResponseContractError) => void;
}

/**
 * Answers as JSON. In production just JSON.stringify: checking the big answers (a unit's
 * assessment, a period's results) on every request costs CPU for nothing. With `validate`,
 * the JSON is parsed back and checked against the route's schema, so that every test that
 * touches a route checks its contract; a mismatch fails the request with a 500.
 */
export function contractSerializerCompiler(
  options: SerializerOptions,
): FastifySerializerCompiler<z.ZodType> {
  return ({ schema, method, url, httpStatus }) => {
    if (!options.validate) return (data: unknown) => JSON.stringify(data);
    return (data: unknown) => {
      const json = JSON.stringify(data);
      const result = schema.safeParse(json === undefined ? undefined : JSON.parse(json));
      if (!result.success) {
        const error = new ResponseContractError(
          `${method} ${url}`,
          httpStatus ?? 'default',
          result.error.issues,
        );
        options.onBreak?.(error);
        throw error;
      }
      return json;
    };
  };
}

/**
 * With validation on: a JSON answer with a status its route declares no schema for would go
 * out unchecked (Fastify serialises it the default way), so it is a break too. Runs before
 * serialisation, for object answers only (files and streams are not serialised).
 */
export function declaredStatusHook(options: SerializerOptions) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const response = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
    if (!response) return payload;
    const status = String(reply.statusCode);
    if (status in response || `${status[0]}xx` in response || 'default' in response) return payload;
    const error = new ResponseContractError(
      `${request.method} ${request.routeOptions.url}`,
      status,
      [
        {
          code: 'custom',
          path: [],
          input: payload,
          message: `status ${status} is not among the route's answers (${Object.keys(response).join(', ')})`,
        },
      ],
    );
    options.onBreak?.(error);
    throw error;
  };
}

/**
 * The zod schemas as OpenAPI (fastify-type-provider-zod), with an upload's form given to the
 * document as its multipart/form-data body.
 */
export const contractSchemaTransform: SwaggerTransform = (document) => {
  const { multipartForm, ...schema } = document.schema ?? {};
  return jsonSchemaTransform({
    ...document,
    schema: multipartForm ? { ...schema, body: multipartForm } : schema,
  });
};
