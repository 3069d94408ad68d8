import { describe, expect, it } from 'vitest';
import {
  ACTIVITY_TYPES,
  ARCHIVE_PARTS,
  INCOMPLETE_WHERE,
  TYPE_RULES,
  TEACHING_TYPES,
  confirmingSide,
  editableBySide,
  isIncomplete,
  receivingSide,
  typeRuleErrors,
  type ActivityFacts,
} from './rules';

const now = new Date('2026-03-10T04:00:00Z');
const base = (over: Partial<ActivityFacts>): ActivityFacts => ({
  type: 'FELLOWSHIP',
  direction: 'JOINT',
  location: '柳湾镇',
  classHours: null,
  childCount: null,
  donationLineCount: 0,
  startsAt: new Date('2026-03-05T01:00:00Z'),
  endsAt: null,
  status: 'DONE',
  ...over,
});

describe('per-type field rules', () => {
  it('cover every activity type of the schema, and suggest a direction the type allows', () => {
    expect(Object.keys(TYPE_RULES).sort()).toEqual([...ACTIVITY_TYPES].sort());
    for (const t of ACTIVITY_TYPES) expect(TYPE_RULES[t].directions).toContain(TYPE_RULES[t].direction);
  });

  it('ask sent teaching for class hours and refuse hours on non-teaching types', () => {
    expect(typeRuleErrors(base({ type: 'SENT_DEMONSTRATION', direction: 'TO_ASSISTED' }), now, 'Asia/Shanghai')).toEqual({
      classHours: 'classHoursRequired',
    });
    expect(typeRuleErrors(base({ type: 'SENT_DEMONSTRATION', direction: 'TO_ASSISTED', classHours: 1.5 }), now, 'Asia/Shanghai')).toEqual(
      {},
    );
    expect(typeRuleErrors(base({ type: 'FELLOWSHIP', classHours: 2 }), now, 'Asia/Shanghai')).toEqual({
      classHours: 'classHoursNotForType',
    });
    expect(TEACHING_TYPES).toContain('SPECIAL_LECTURE');
    expect(TEACHING_TYPES).not.toContain('DONATION');
  });

  it('ask a donation for lines and a direction from one side to the other', () => {
    expect(typeRuleErrors(base({ type: 'DONATION', direction: 'JOINT' }), now, 'Asia/Shanghai')).toEqual({
      direction: 'directionNotForType',
      donationLines: 'donationLinesRequired',
    });
    expect(typeRuleErrors(base({ type: 'DONATION', direction: 'TO_ASSISTED', donationLineCount: 2 }), now, 'Asia/Shanghai')).toEqual({});
    expect(typeRuleErrors(base({ donationLineCount: 1 }), now, 'Asia/Shanghai')).toEqual({ donationLines: 'donationLinesNotForType' });
  });

  it('ask a children exchange for the number of children and refuse it for a training', () => {
    expect(typeRuleErrors(base({ type: 'CHILDREN_EXCHANGE' }), now, 'Asia/Shanghai')).toEqual({ childCount: 'childCountRequired' });
    expect(typeRuleErrors(base({ type: 'TRAINING', direction: 'TO_ASSISTED', childCount: 30 }), now, 'Asia/Shanghai')).toEqual({
      childCount: 'childCountNotForType',
    });
  });

  it('let resource sharing go without a place, but not a lecture', () => {
    expect(typeRuleErrors(base({ type: 'RESOURCE_SHARING', direction: 'TO_ASSISTED', location: '' }), now, 'Asia/Shanghai')).toEqual({});
    expect(
      typeRuleErrors(base({ type: 'SENT_LECTURE', direction: 'TO_ASSISTED', location: ' ', classHours: 2 }), now, 'Asia/Shanghai'),
    ).toEqual({ location: 'locationRequired' });
  });

  it('refuse an end before the start, and a done activity in the future', () => {
    expect(typeRuleErrors(base({ endsAt: new Date('2026-03-04T00:00:00Z') }), now, 'Asia/Shanghai')).toEqual({ endDate: 'endBeforeStart' });
    expect(typeRuleErrors(base({ startsAt: new Date('2026-03-11T00:00:00Z') }), now, 'Asia/Shanghai')).toEqual({
      startDate: 'doneInFuture',
    });
    // Later the same (Beijing) day is fine.
    expect(typeRuleErrors(base({ startsAt: new Date('2026-03-10T09:00:00Z') }), now, 'Asia/Shanghai')).toEqual({});
    expect(typeRuleErrors(base({ startsAt: new Date('2026-03-11T00:00:00Z'), status: 'PLANNED' }), now, 'Asia/Shanghai')).toEqual({});
  });
});

describe('completeness and sides', () => {
  it('marks a done activity missing any of the four archive parts as incomplete, never a planned one', () => {
    const all = { plan: '计划', measures: '措施', record: '记录', summary: '总结' };
    expect(isIncomplete({ status: 'DONE', ...all })).toBe(false);
    for (const part of ARCHIVE_PARTS) {
      expect(isIncomplete({ status: 'DONE', ...all, [part]: '' }), part).toBe(true);
      expect(isIncomplete({ status: 'DONE', ...all, [part]: '  ' }), part).toBe(true);
    }
    expect(isIncomplete({ status: 'PLANNED', plan: '', measures: '', record: '', summary: '' })).toBe(false);
  });

  it('filters in the database by the same parts as the marker', () => {
    expect(INCOMPLETE_WHERE).toEqual({ status: 'DONE', OR: [{ plan: '' }, { measures: '' }, { record: '' }, { summary: '' }] });
  });

  it('lets both sides shape a plan, but only the logging side change a done record', () => {
    expect(editableBySide({ status: 'PLANNED', recordingKindergartenId: 'urban' }, 'rural')).toBe(true);
    expect(editableBySide({ status: 'DONE', recordingKindergartenId: 'urban' }, 'rural')).toBe(false);
    expect(editableBySide({ status: 'DONE', recordingKindergartenId: 'urban' }, 'urban')).toBe(true);
  });

  it('finds the receiving and the confirming side', () => {
    const p = { supportingId: 'urban', assistedId: 'rural' };
    expect(receivingSide({ direction: 'TO_ASSISTED' }, p)).toBe('rural');
    expect(receivingSide({ direction: 'TO_SUPPORTING' }, p)).toBe('urban');
    expect(confirmingSide('urban', p)).toBe('rural');
    expect(confirmingSide('rural', p)).toBe('urban');
  });
});
