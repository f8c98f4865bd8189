import { Ratio } from '../decimal/ratio.js';

/** How many property reads the code under test made on the counted inputs. */
export interface Counter {
  reads: number;
}

export const newCounter = (): Counter => ({ reads: 0 });

const isPlain = (value: object) => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) || proto === Object.prototype || proto === null;
};

/**
 * `value` seen through proxies that count every property read on it and on every plain object
 * or array reached from it, however the code walks them (index, iterator, spread, find, a copy
 * of the array still holds counted elements). Class instances (Decimal, Ratio, Map) pass as
 * they are. The same object always gives the same proxy, so identity (Map keys) is kept.
 *
 * Size tests compare the counts at n and 2n units: a per-unit search of a whole list shows as
 * four times the reads, whatever the machine's speed.
 */
export function counted<T>(value: T, counter: Counter): T {
  const proxies = new WeakMap<object, object>();
  const wrap = (item: unknown): unknown => {
    if (typeof item !== 'object' || item === null || !isPlain(item)) return item;
    const known = proxies.get(item);
    if (known !== undefined) return known;
    const proxy = new Proxy(item, {
      get(target, property, receiver) {
        counter.reads++;
        const read = Reflect.get(target, property, receiver) as unknown;
        const descriptor = Reflect.getOwnPropertyDescriptor(target, property);
        // A frozen property must read as itself (a proxy's invariant): it is counted, not wrapped.
        if (descriptor && !descriptor.writable && !descriptor.configurable) return read;
        return wrap(read);
      },
    });
    proxies.set(item, proxy);
    return proxy;
  };
  return wrap(value) as T;
}

/** The ratio of the work at 2n to the work at n, the work counted by `run`. */
export function growth(run: (n: number) => number, n: number): number {
  return run(2 * n) / run(n);
}

/** Runs `work` counting the exact comparisons of indexes it makes (sorting, binary searches). */
export function comparing<T>(work: () => T): { value: T; comparisons: number } {
  const original = Object.getOwnPropertyDescriptor(Ratio.prototype, 'compare')!;
  const compare = original.value as Ratio['compare'];
  let comparisons = 0;
  Object.defineProperty(Ratio.prototype, 'compare', {
    ...original,
    value(this: Ratio, other: Parameters<Ratio['compare']>[0]) {
      comparisons++;
      return compare.call(this, other);
    },
  });
  try {
    return { value: work(), comparisons };
  } finally {
    Object.defineProperty(Ratio.prototype, 'compare', original);
  }
}
