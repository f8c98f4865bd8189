import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { surveys } from '../db/schema.js';

export type SurveyRow = typeof surveys.$inferSelect;

export async function findSurvey(db: Db, id: string): Promise<SurveyRow | undefined> {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id));
  return row;
}

export async function listSurveys(db: Db, periodId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.periodId, periodId))
    .orderBy(asc(surveys.ratedUnitType), asc(surveys.respondentGroup), asc(surveys.name));
}
