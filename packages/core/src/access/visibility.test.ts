import { describe, expect, it } from 'vitest';
import { ROLES, UNIT_ROLES } from './policy.js';
import { VISIBILITY_PHASES, visibilityFor, visibilityPhaseOf, withoutRanks } from './visibility.js';

describe('visibilityPhaseOf', () => {
  it('reads the unit step while the period is open, the period status after', () => {
    expect(visibilityPhaseOf('open', undefined)).toBe('selfAssessment');
    expect(visibilityPhaseOf('open', 'draft')).toBe('selfAssessment');
    expect(visibilityPhaseOf('open', 'submitted')).toBe('appraisal');
    expect(visibilityPhaseOf('open', 'appraised')).toBe('explanation');
    expect(visibilityPhaseOf('open', 'finalised')).toBe('council');
    expect(visibilityPhaseOf('approved', 'finalised')).toBe('approved');
    expect(visibilityPhaseOf('published', 'finalised')).toBe('published');
  });
});

describe('visibilityFor', () => {
  it('shows a unit the appraisal only once the round is sent, ranks only when published', () => {
    for (const role of UNIT_ROLES) {
      const seen = VISIBILITY_PHASES.map((phase) => [phase, visibilityFor(role, phase)] as const);
      expect(seen.map(([p, v]) => [p, v.appraisal])).toEqual([
        ['selfAssessment', false],
        ['appraisal', false],
        ['explanation', true],
        ['council', true],
        ['approved', true],
        ['published', true],
      ]);
      for (const [phase, v] of seen) {
        expect(v.ranks).toBe(phase === 'published');
        expect(v.appraisalDetails).toBe(phase === 'published');
        expect(v.resultPoints).toBe(phase === 'published' ? 'effective' : 'self');
        expect(v.ip).toBe(false);
      }
    }
  });

  it('shows appraisers and the council everything but addresses, administrators all', () => {
    for (const role of ROLES.filter((r) => !UNIT_ROLES.includes(r))) {
      for (const phase of VISIBILITY_PHASES) {
        expect(visibilityFor(role, phase)).toEqual({
          appraisal: true,
          resultPoints: 'effective',
          ranks: true,
          appraisalDetails: true,
          ip: role === 'administrator',
        });
      }
    }
  });
});

describe('withoutRanks', () => {
  it('drops the rank, its change and every area rank, keeping the points', () => {
    const unit = {
      id: 'so-y-te',
      points: 80,
      rank: 2,
      rankChange: 1,
      areas: [{ code: '1', points: 8, rank: 3 }],
    };
    expect(withoutRanks(unit)).toEqual({
      id: 'so-y-te',
      points: 80,
      rank: null,
      rankChange: null,
      areas: [{ code: '1', points: 8, rank: null }],
    });
    expect(unit.rank).toBe(2);
  });
});
