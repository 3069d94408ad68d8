/**
 * What a rectification is opened from: an inspection finding (a failed or partly met checklist item of a
 * recorded inspection) or a questioned spot-checked record. The open command and the "new" page read the
 * same loader, so the form offers exactly what the command accepts.
 */
import type { Db, Tx } from '@/lib/db';
import type { Action, Resource } from '@/lib/authz';
import type { ChecklistResult } from '@/generated/prisma/enums';
import { isFinding } from './rules';

export type SourceRef = { inspectionItemId: string } | { spotCheckItemId: string };

type SourceKindergarten = { id: string; name: string; countyId: string };

export type RectificationSource = {
  /** Who may see the source at all (others are answered "not found"). */
  view: { action: Action; resource: Resource };
  /** The kindergartens that may be told to act; `defaultKindergartenId` is taken when none is chosen. */
  kindergartens: SourceKindergarten[];
  defaultKindergartenId: string | null;
  pairingId: string | null;
  /** Why it cannot open a rectification (a catalogue key under rectifications.errors), or null. */
  refusal: 'notRecorded' | 'notAFinding' | 'notQuestioned' | null;
  /** What the form shows of the finding. */
  shown:
    | {
        kind: 'inspection';
        inspectionId: string;
        inspectedOn: Date;
        title: string;
        titleEn: string;
        result: ChecklistResult | null;
        note: string;
      }
    | { kind: 'spotCheck'; activityId: string; activityTitle: string; startsAt: Date; note: string };
};

const KG = { select: { id: true, name: true, countyId: true } } as const;

export async function loadSource(db: Db | Tx, ref: SourceRef): Promise<RectificationSource | null> {
  if ('inspectionItemId' in ref) {
    const item = await db.inspectionItem.findUnique({
      where: { id: ref.inspectionItemId },
      select: {
        title: true,
        titleEn: true,
        result: true,
        note: true,
        inspection: {
          select: {
            id: true,
            status: true,
            inspectedOn: true,
            pairingId: true,
            officeCountyId: true,
            kindergarten: KG,
            pairing: { select: { supporting: KG, assisted: KG } },
          },
        },
      },
    });
    if (!item) return null;
    const i = item.inspection;
    const kindergartens = i.pairing ? [i.pairing.supporting, i.pairing.assisted] : i.kindergarten ? [i.kindergarten] : [];
    const recorded = i.status === 'RECORDED';
    return {
      // A draft is the bureau's alone (decision 018): no kindergarten is in its scope yet.
      view: {
        action: 'inspection.view',
        resource: {
          countyIds: [...kindergartens.map((k) => k.countyId), ...(i.officeCountyId ? [i.officeCountyId] : [])],
          kindergartenIds: recorded ? kindergartens.map((k) => k.id) : [],
        },
      },
      kindergartens,
      defaultKindergartenId: kindergartens.length === 1 ? kindergartens[0].id : null,
      pairingId: i.pairingId,
      refusal: !recorded ? 'notRecorded' : !isFinding(item.result) ? 'notAFinding' : null,
      shown: {
        kind: 'inspection',
        inspectionId: i.id,
        inspectedOn: i.inspectedOn,
        title: item.title,
        titleEn: item.titleEn,
        result: item.result,
        note: item.note,
      },
    };
  }
  const item = await db.spotCheckItem.findUnique({
    where: { id: ref.spotCheckItemId },
    select: {
      verdict: true,
      note: true,
      spotCheck: { select: { countyId: true } },
      activity: {
        select: {
          id: true,
          title: true,
          startsAt: true,
          pairingId: true,
          recordingKindergartenId: true,
          pairing: { select: { supporting: KG, assisted: KG } },
        },
      },
    },
  });
  if (!item) return null;
  const a = item.activity;
  const kindergartens = [a.pairing.supporting, a.pairing.assisted];
  return {
    // Spot checks are the bureau's: the draw's county (or the city) and the counties of the pairing checked.
    view: {
      action: 'spotCheck.manage',
      resource: { countyIds: [...kindergartens.map((k) => k.countyId), ...(item.spotCheck.countyId ? [item.spotCheck.countyId] : [])] },
    },
    kindergartens,
    defaultKindergartenId: a.recordingKindergartenId,
    pairingId: a.pairingId,
    refusal: item.verdict === 'QUESTIONED' ? null : 'notQuestioned',
    shown: { kind: 'spotCheck', activityId: a.id, activityTitle: a.title, startsAt: a.startsAt, note: item.note },
  };
}
