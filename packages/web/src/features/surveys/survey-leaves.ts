import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys, usePeriod } from '../../api/hooks';
import type { FrameworkView } from '../../api/types';

/** A framework leaf scored by a survey, with the respondent groups its rule names. */
export interface SurveyLeaf {
  code: string;
  title: string;
  groups: { group: string; label: string }[];
}

export interface FrameworkLeaves {
  /** Leaves whose rule kind is 'survey' (PAR questions feed them). */
  survey: SurveyLeaf[];
  /** Leaves whose rule kind is 'externalIndex' (a SIPAS index may feed one). */
  externalIndex: { code: string; title: string }[];
}

const EMPTY: FrameworkLeaves = { survey: [], externalIndex: [] };

/** Survey and external-index leaves of a framework, in the framework's order. */
export function leavesOf(framework: FrameworkView | undefined): FrameworkLeaves {
  if (!framework) return EMPTY;
  const survey: SurveyLeaf[] = [];
  const externalIndex: { code: string; title: string }[] = [];
  for (const node of framework.nodes) {
    if (!node.isLeaf || !node.rule) continue;
    if (node.rule.kind === 'survey') {
      const groups = Array.isArray(node.rule.groups) ? node.rule.groups : [];
      survey.push({
        code: node.code,
        title: node.title,
        groups: groups.flatMap((g) =>
          g !== null && typeof g === 'object' && !Array.isArray(g) && typeof g.group === 'string'
            ? [{ group: g.group, label: typeof g.label === 'string' ? g.label : g.group }]
            : [],
        ),
      });
    } else if (node.rule.kind === 'externalIndex') {
      externalIndex.push({ code: node.code, title: node.title });
    }
  }
  return { survey, externalIndex };
}

/** Respondent groups the framework's survey rules name (key → label), for suggestions. */
export function groupsOf(leaves: FrameworkLeaves): { group: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const leaf of leaves.survey) {
    for (const g of leaf.groups) if (!seen.has(g.group)) seen.set(g.group, g.label);
  }
  return [...seen].map(([group, label]) => ({ group, label }));
}

/**
 * The framework the period uses for a unit type, and its survey leaves. Undefined framework
 * when the period does not assess that unit type (the editor then offers no leaves).
 */
export function usePeriodFramework(periodId: string, unitType: string | null) {
  const period = usePeriod(periodId);
  const frameworkId =
    period.data?.frameworks.find((f) => f.unitType === unitType)?.frameworkId ?? null;
  const framework = useQuery({
    queryKey: keys.framework(frameworkId ?? ''),
    queryFn: () => api<FrameworkView>('GET', `/frameworks/${frameworkId}`),
    enabled: frameworkId !== null,
  });
  return {
    period,
    unitTypes: period.data?.frameworks.map((f) => f.unitType) ?? [],
    framework: framework.data,
    loading: period.isPending || (frameworkId !== null && framework.isPending),
    leaves: leavesOf(framework.data),
  };
}
