import { DomainError, ERROR_CODES } from '@chiso/core';
import type { JobDefinition } from './job.js';

/** The jobs a queue can run, by name; a payload is checked against its job's schema. */
export class JobRegistry {
  readonly #jobs = new Map<string, JobDefinition>();

  constructor(definitions: readonly JobDefinition[]) {
    for (const definition of definitions) {
      if (this.#jobs.has(definition.name)) throw new Error(`job ${definition.name} twice`);
      this.#jobs.set(definition.name, definition);
    }
  }

  get(name: string): JobDefinition {
    const definition = this.#jobs.get(name);
    if (!definition) throw new DomainError(ERROR_CODES.NOT_FOUND, `Không có công việc "${name}"`);
    return definition;
  }

  all(): JobDefinition[] {
    return [...this.#jobs.values()];
  }

  /** The payload as the handler takes it; a wrong one fails the run (and is kept) rather than the server. */
  parse(name: string, payload: unknown): unknown {
    const parsed = this.get(name).payload.safeParse(payload);
    if (!parsed.success) throw new Error(`payload of ${name} refused: ${parsed.error.message}`);
    return parsed.data;
  }
}
