import { usePeriod } from '../../api/hooks';
import type { SurveyDetail } from './api';

export interface SurveyUnit {
  unitId: string;
  unitName: string;
}

/**
 * The units a survey rates: the period's units of the rated type, and any unit the survey
 * already has a target, codes or a link for — sorted by name as Vietnamese sorts it.
 */
export function useSurveyUnits(survey: SurveyDetail): { units: SurveyUnit[]; loading: boolean } {
  const period = usePeriod(survey.periodId);
  const byId = new Map<string, string>();
  for (const u of period.data?.units ?? []) {
    if (u.type === survey.ratedUnitType) byId.set(u.unitId, u.name);
  }
  for (const t of survey.targets) byId.set(t.unitId, t.unitName);
  for (const l of survey.links) byId.set(l.unitId, l.unitName);
  const units = [...byId]
    .map(([unitId, unitName]) => ({ unitId, unitName }))
    .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || a.unitId.localeCompare(b.unitId));
  return { units, loading: period.isPending };
}
