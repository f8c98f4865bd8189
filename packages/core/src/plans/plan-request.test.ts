import { describe, expect, it } from 'vitest';
import { DomainError, formatIssue } from '../errors.js';
import { parsePlanRequest } from './plan-request.js';

const request = (unit: Record<string, unknown>) => ({
  framework: {
    name: 'Thử',
    nodes: [
      { code: '1', title: 'Lĩnh vực', maxPoints: 2 },
      {
        code: '1.1',
        title: 'Tiêu chí',
        maxPoints: 2,
        leadOffice: 'Phòng Nội vụ',
        supportingOffices: ['Văn phòng'],
      },
    ],
  },
  units: [{ id: 'a', name: 'A', points: { '1.1': 1 }, ...unit }],
});

describe('parsePlanRequest', () => {
  it("takes each unit's targets, last year and tasks off the results request, and the framework's offices", () => {
    const parsed = parsePlanRequest(
      request({
        targets: { '1.1': '1,5' },
        lastYear: { '1.1': 0.5, '1': null },
        tasks: { '1.1': 'Ban hành kế hoạch' },
      }),
    );
    expect(parsed.results.units.map((u) => u.id)).toEqual(['a']);
    expect(parsed.targets.get('a')?.get('1.1')?.toString()).toBe('1.5');
    expect(
      [...(parsed.lastYear.get('a') ?? [])].map(([k, v]) => [k, v?.toString() ?? null]),
    ).toEqual([
      // JSON objects list integer-like keys first.
      ['1', null],
      ['1.1', '0.5'],
    ]);
    expect(parsed.tasks.get('a')?.get('1.1')).toBe('Ban hành kế hoạch');
    expect(parsed.details.get('1.1')).toEqual({
      leadOffice: 'Phòng Nội vụ',
      supportingOffices: ['Văn phòng'],
    });
  });

  it('names a bad target with its path', () => {
    try {
      parsePlanRequest(request({ targets: { '1.1': 'hai' } }));
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues.map(formatIssue)).toEqual([
        'units[0].targets.1.1: "hai" không phải là số',
      ]);
      return;
    }
    throw new Error('expected the request to be refused');
  });
});
