import { describe, expect, it } from 'vitest';
import { auditChanges, referencedIds, showValue } from './changes';

describe('auditChanges', () => {
  it('lists only the fields that changed, set or removed', () => {
    expect(auditChanges({ status: 'OPEN', title: 'a', gone: 1 }, { status: 'CLOSED', title: 'a', added: true })).toEqual([
      { field: 'status', before: 'OPEN', after: 'CLOSED' },
      { field: 'gone', before: 1 },
      { field: 'added', after: true },
    ]);
  });
  it('keeps a value recorded without field names as one change', () => {
    expect(auditChanges(null, 'x')).toEqual([{ field: '', after: 'x' }]);
    expect(auditChanges(null, null)).toEqual([]);
  });
});

describe('referencedIds and showValue', () => {
  it('finds ids under *Id and *Ids keys, nested, and the entity', () => {
    const ids = referencedIds([
      { entityId: 'e1', before: { userId: 'u1', title: 't' }, after: { x: { pairingId: 'p1' }, participantIds: ['u2'] } },
    ]);
    expect(ids.sort()).toEqual(['e1', 'p1', 'u1', 'u2']);
  });
  it('shows known ids as names and unknown ones as recorded', () => {
    expect(showValue(['u1', 'u9'], { u1: '甲园长' })).toBe('甲园长、u9');
    expect(showValue(null, {})).toBe('—');
  });
});
