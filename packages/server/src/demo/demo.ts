import { parseVietnamTime, type Role } from '@chiso/core';
import type { CurrentActor, Deps, UseCaseContext } from '../context.js';
import { prng } from './fill.js';
import { samplePdf } from './pdf.js';

export const DAY = 24 * 60 * 60 * 1000;
export const at = (text: string) => new Date(parseVietnamTime(text) ?? Number.NaN);

export interface DemoAccount {
  username: string;
  role: Role;
  unit: string | undefined;
  fullName: string;
}

export interface Demo {
  deps: Deps;
  admin: CurrentActor;
  actors: Map<string, CurrentActor>;
  accounts: DemoAccount[];
  /** Tells what is being created, in Vietnamese (`npm run demo` prints it as it goes). */
  report: (message: string) => void;
}

export const ctx = (demo: Demo, actor: CurrentActor, now: Date): UseCaseContext => ({
  actor,
  ip: 'demo',
  now,
  deps: demo.deps,
});
export const officer = (demo: Demo, unitId: string) =>
  demo.actors.get(`cb.${unitId.toLowerCase()}`) as CurrentActor;
export const head = (demo: Demo, unitId: string) =>
  demo.actors.get(`tt.${unitId.toLowerCase()}`) as CurrentActor;

/** A one-page PDF standing for a scanned document. */
export function pdf(title: string): Buffer {
  return samplePdf([title, 'Tai lieu minh hoa do chiso tao cho du lieu mau.']);
}

/** Units' strength, steady over the years with some drift, so that ranks move. */
export function strength(unitId: string, year: number): number {
  const seed = [...unitId].reduce((n, ch) => n * 31 + ch.charCodeAt(0), 7);
  const base = prng(seed)();
  const drift = prng(seed + year)() - 0.5;
  return Math.min(0.97, Math.max(0.35, 0.55 + base * 0.4 + drift * 0.15));
}
