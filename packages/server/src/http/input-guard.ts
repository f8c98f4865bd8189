import { formatPath, type Issue } from '@chiso/core';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from './validation.js';

/**
 * Bytes no route can store, refused before any schema reads them: PostgreSQL refuses NUL in
 * text (which was a 500), control characters have no place in what people type (tab, line
 * feed and carriage return aside), half a surrogate pair is not text, a JSON number past
 * ±1e15 is no count or point, and JSON nested past a depth no request needs would make the
 * schemas recurse. Every refusal is a 400 naming the field (decision 0033).
 */
export const MAX_JSON_DEPTH = 64;
/** Larger than any count, version or point a request carries; past it JSON numbers lose digits. */
export const MAX_JSON_NUMBER = 1e15;

// C0 controls but tab, line feed and carriage return; DEL; the C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a piece of text a person sent, or undefined. */
export function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'không được chứa ký tự NUL (\\u0000)';
  const control = CONTROL.exec(text);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).padStart(4, '0');
    return `không được chứa ký tự điều khiển (\\u${code}); chỉ cho phép tab và xuống dòng`;
  }
  if (LONE_SURROGATE.test(text)) return 'không phải là văn bản UTF-8 hợp lệ';
  return undefined;
}

/** Where a value is: its key under its parent, kept as a chain so nothing is copied per value. */
interface Place {
  key: PropertyKey;
  parent: Place | undefined;
  depth: number;
}

function pathOf(place: Place | undefined): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (let at = place; at; at = at.parent) keys.push(at.key);
  return keys.reverse();
}

/** The problems of one part of a request (body, query, params), each with its path. */
export function inputIssues(value: unknown, prefix: string): Issue[] {
  const issues: Issue[] = [];
  // Only where something is wrong: formatting every path of a big import would cost.
  const add = (place: Place | undefined, message: string) =>
    issues.push({ path: formatPath(pathOf(place), prefix) || '(nội dung)', message });
  // Walked with a stack of its own, so that a deeply nested body cannot overflow ours.
  const values: unknown[] = [value];
  const places: (Place | undefined)[] = [undefined];
  while (values.length > 0 && issues.length < 20) {
    const item = values.pop();
    const place = places.pop();
    if (typeof item === 'string') {
      const problem = textProblem(item);
      if (problem) add(place, problem);
    } else if (typeof item === 'number') {
      if (!Number.isFinite(item) || Math.abs(item) > MAX_JSON_NUMBER) add(place, 'số quá lớn');
    } else if (item !== null && typeof item === 'object') {
      const depth = place ? place.depth : 0;
      if (depth >= MAX_JSON_DEPTH) {
        add(place, `lồng nhau quá ${MAX_JSON_DEPTH} cấp`);
        continue;
      }
      if (Array.isArray(item)) {
        item.forEach((element: unknown, index) => {
          values.push(element);
          places.push({ key: index, parent: place, depth: depth + 1 });
        });
        continue;
      }
      for (const key in item) {
        if (!Object.hasOwn(item, key)) continue;
        const problem = textProblem(key);
        if (problem) {
          add(place, `tên trường ${problem}`);
          continue;
        }
        values.push((item as Record<string, unknown>)[key]);
        places.push({ key, parent: place, depth: depth + 1 });
      }
    }
  }
  return issues;
}

/**
 * preValidation hook: refuses such bytes in the body (JSON; a multipart body is read by its
 * route), the query string and the path parameters of every route, with or without a schema.
 */
export async function guardInput(request: FastifyRequest) {
  const issues = [
    ...inputIssues(request.params, 'params'),
    ...inputIssues(request.query, 'query'),
    ...(request.isMultipart() ? [] : inputIssues(request.body, '')),
  ];
  if (issues.length > 0) throw new RequestValidationError(issues);
}
