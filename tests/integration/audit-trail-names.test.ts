import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { listAuditEntries } from '@/lib/audit-trail/queries';
import { createPairingWorld } from '../fixtures/activity-factories';
import { actorFor } from '../fixtures/factories';

describe('the audit trail shows names, each viewer only those of its scope', () => {
  it('resolves user, kindergarten and pairing ids in one page; a county admin never learns another county’s names', async () => {
    const w = await createPairingWorld(db);
    const admin = await actorFor(db, w.cityAdmin);
    // One entry of county A that (as an import or a cross-county pairing might) names county B's people too.
    const entry = await db.$transaction((tx) =>
      writeAudit(tx, {
        actor: admin,
        action: 'test.names',
        entityType: 'Pairing',
        entityId: w.pairingA.id,
        countyId: w.countyA.id,
        before: { mentorId: w.directorB.id, kindergartenId: w.kgB.id },
        after: { mentorId: w.directorA.id, kindergartenId: w.kgA.id, participantIds: [w.teacherA.id, w.teacherB.id] },
      }),
    );
    const rowOf = async (viewer: { id: string }) => {
      const { rows, names } = await listAuditEntries(await actorFor(db, viewer), { action: 'test.names' });
      return { row: rows.find((r) => r.id === entry.id.toString()), names };
    };

    const city = await rowOf(w.cityAdmin);
    expect(city.row).toBeDefined();
    expect(city.names).toMatchObject({
      [w.directorA.id]: '甲园长',
      [w.directorB.id]: '乙园长',
      [w.teacherB.id]: '乙老师',
      [w.kgB.id]: w.kgB.name,
      [w.pairingA.id]: `${w.kgA.name} → ${w.kgA2.name}`,
    });

    const county = await rowOf(w.countyAdminA);
    expect(county.row).toBeDefined();
    expect(county.names).toMatchObject({ [w.directorA.id]: '甲园长', [w.teacherA.id]: '甲老师', [w.kgA.id]: w.kgA.name });
    // County B's people and kindergarten stay ids: no name of theirs reaches county A's admin.
    for (const id of [w.directorB.id, w.teacherB.id, w.kgB.id]) expect(county.names[id]).toBeUndefined();
    expect(Object.values(county.names)).not.toContain('乙园长');

    // County B's admin does not see county A's entry at all, so resolves nothing for it.
    const other = await rowOf(w.countyAdminB);
    expect(other.row).toBeUndefined();
    expect(other.names[w.directorA.id]).toBeUndefined();
  });
});
