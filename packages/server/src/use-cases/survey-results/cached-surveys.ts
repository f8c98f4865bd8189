import type { Db } from '../../db/database.js';
import { BoundedCache } from '../../http/bounded-cache.js';
import { inTransaction } from '../../repositories/framework-at.js';
import { listSurveyVersions, surveysWithVersions } from '../../repositories/surveys.js';
import { storedQuestionnaire } from '../surveys/present-survey.js';
import type { LoadedSurvey } from './period-surveys.js';

/**
 * Surveys with their parsed questionnaires by id and version (xmin), shared by every request
 * of this process: parsing a questionnaire with zod on every read of an assessment was a
 * measured share of the server's time (issue 14). A version's row never changes, so an entry
 * is never stale; 512 is a province's periods of surveys many times over.
 */
const parsed = new BoundedCache<LoadedSurvey>({ maxEntries: 512, maxSize: 512 });

/**
 * A period's surveys in listSurveys' order: their versions read, the rows only for versions
 * not yet parsed. As with frameworks, only reads outside a transaction fill the cache: a
 * transaction may see (and have written) a version no other reader will ever see.
 */
export async function loadedSurveys(db: Db, periodId: string): Promise<LoadedSurvey[]> {
  const versions = await listSurveyVersions(db, periodId);
  const keyOf = (id: string, version: string) => `${id}@${version}`;
  const found = new Map<string, LoadedSurvey>();
  const missing: string[] = [];
  for (const { id, version } of versions) {
    const hit = parsed.get(keyOf(id, version));
    if (hit) found.set(id, hit);
    else missing.push(id);
  }
  const fill = !inTransaction(db);
  for (const { row, version } of await surveysWithVersions(db, missing)) {
    const survey = { row, questionnaire: storedQuestionnaire(row) };
    found.set(row.id, survey);
    if (fill) parsed.set(keyOf(row.id, version), survey);
  }
  // A survey deleted between the two reads is left out, as a read a moment later would.
  return versions.flatMap(({ id }) => found.get(id) ?? []);
}
