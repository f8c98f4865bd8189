import { Ratio } from '@chiso/core/decimal/ratio.js';
import { formatPercent, formatPoints } from '@chiso/core/format/format.js';
import { useQuery } from '@tanstack/react-query';
import type { SurveyResults } from '@chiso/contract';
import { api } from '../../api/client';

export type { RateRow, SipasRow, SurveyLeafRow as LeafRow, SurveyResults } from '@chiso/contract';

export const resultsKey = (periodId: string) => ['survey-results', periodId] as const;

export const useSurveyResults = (periodId: string) =>
  useQuery({
    queryKey: resultsKey(periodId),
    queryFn: () => api<SurveyResults>('GET', `/periods/${periodId}/surveys/results`),
  });

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * An exact value from the API ("96.1538461538", "12.5", 40) as a fraction, so that the core's
 * formatters — the one place values are rounded for reading — see it whole.
 */
function exact(value: string | number): Ratio | undefined {
  const match = DECIMAL.exec(String(value).trim());
  if (!match) return undefined;
  const [, sign = '', whole = '0', fraction = ''] = match;
  const num = BigInt(`${sign}${whole}${fraction}`);
  return Ratio.of(num, 10n ** BigInt(fraction.length));
}

/** "96,15%"; "—" when there is no value. */
export function percentText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const ratio = exact(value);
  return ratio ? formatPercent(ratio) : String(value);
}

/** "13,5"; "—" when there is no value. */
export function pointsText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const ratio = exact(value);
  return ratio ? formatPoints(ratio) : String(value);
}
