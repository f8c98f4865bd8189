import { z } from 'zod';
import { Decimal } from '../decimal/decimal.js';
import { DomainError, ERROR_CODES, type Issue } from '../errors.js';
import { parseDate } from '../time/calendar-date.js';

export { parseDate };

/** A number given as a JSON number or as text with a decimal comma or point. */
export const decimalInput = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = Decimal.parse(value);
  if (!parsed.ok) {
    ctx.issues.push({ code: 'custom', message: parsed.reason, input: value });
    return z.NEVER;
  }
  return parsed.value;
});

/** A whole count; as text it may use Vietnamese thousands dots: "22.855". */
export const countInput = z.union([z.number(), z.string()]).transform((value, ctx) => {
  const parsed = parseCount(value);
  if (!parsed.ok) {
    ctx.issues.push({ code: 'custom', message: parsed.reason, input: value });
    return z.NEVER;
  }
  return parsed.value;
});

export function parseCount(
  value: string | number,
): { ok: true; value: number } | { ok: false; reason: string } {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && value >= 0
      ? { ok: true, value }
      : { ok: false, reason: `${value} không phải là số nguyên không âm` };
  }
  const text = value.trim().replace(/\s+/g, '');
  // A count cannot have decimals, so a dot or comma before groups of three digits is a
  // thousands separator as Vietnamese writes it.
  if (/^\d{1,3}([.,]\d{3})+$/.test(text) || /^\d+$/.test(text)) {
    const parsed = Number(text.replace(/[.,]/g, ''));
    if (Number.isSafeInteger(parsed)) return { ok: true, value: parsed };
  }
  return { ok: false, reason: `"${value}" không phải là số nguyên không âm` };
}

/** An ISO calendar date "2023-01-10" (also accepted: "10/01/2023"). */
export const dateInput = z.string().transform((value, ctx) => {
  const iso = parseDate(value);
  if (iso === undefined) {
    ctx.issues.push({
      code: 'custom',
      message: `"${value}" không phải là ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd)`,
      input: value,
    });
    return z.NEVER;
  }
  return iso;
});

/** "units[2].points.1.2" from a zod path. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let text = prefix;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  boolean: 'đúng/sai (true/false)',
  object: 'đối tượng',
  array: 'danh sách',
  int: 'số nguyên',
};

/** Vietnamese text for the zod issues our schemas can raise. */
function vietnameseMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      // Issues carry no input unless asked; zod's own text says what it received.
      return issue.message.endsWith('received undefined')
        ? 'bắt buộc nhưng đang thiếu'
        : `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'array'
        ? `cần ít nhất ${String(issue.minimum)} phần tử`
        : issue.origin === 'string'
          ? 'không được để trống'
          : `phải lớn hơn hoặc bằng ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `nhiều nhất ${String(issue.maximum)} phần tử`
        : issue.origin === 'string'
          ? `dài quá ${String(issue.maximum)} ký tự`
          : `phải nhỏ hơn hoặc bằng ${String(issue.maximum)}`;
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator !== undefined) {
        return 'loại không được hỗ trợ';
      }
      // A number written as a number or as text ("4,5"): say what is missing or expected.
      const branches = issue.errors.map((errors) => errors[0]);
      if (branches.length > 0 && branches.every((b) => b?.code === 'invalid_type')) {
        if (branches.every((b) => b?.message.endsWith('received undefined'))) {
          return 'bắt buộc nhưng đang thiếu';
        }
        const expected = new Set(branches.map((b) => (b as { expected: string }).expected));
        if (expected.has('number')) return 'phải là số';
      }
      return 'giá trị không hợp lệ';
    }
    case 'invalid_format':
      return 'sai định dạng';
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}`;
    case 'custom':
      return issue.message;
    default:
      return 'giá trị không hợp lệ';
  }
}

/** Zod issues as our issues, in Vietnamese, each with its JSON path. */
export function toIssues(error: z.ZodError, pathPrefix = ''): Issue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path, pathPrefix),
    message: vietnameseMessage(issue),
  }));
}

/** Parses with a schema or throws a DomainError listing every problem in Vietnamese. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  pathPrefix = '',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error, pathPrefix);
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, `${what} không hợp lệ`, issues);
}
