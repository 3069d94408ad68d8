/**
 * The pairing rules as pure functions over facts loaded from the database. The server runs them
 * inside the transaction that holds the kindergarten rows locked, so the facts cannot change
 * between the check and the write.
 */
import type { AreaType, DemoLevel } from '@/generated/prisma/enums';
import { can, kindergartenResource, type Action, type Actor } from '@/lib/authz';
import type { IsoDate } from '@/lib/time/date-only';

export type KindergartenFacts = { id: string; countyId: string; area: AreaType; level: DemoLevel; active: boolean };

export type PairingIssueCode =
  | 'notFound'
  | 'sameKindergarten'
  | 'outsideCounty'
  | 'supporterNotDemonstration'
  | 'assistedNotEligible'
  | 'supportingInactive'
  | 'assistedInactive'
  | 'capReached'
  | 'assistedAlreadyPaired'
  | 'cycleMissing'
  | 'cycleEnded'
  | 'startOutsideCycle'
  | 'endOutsideCycle'
  | 'endBeforeStart'
  | 'leaderRequired'
  | 'memberNotEligible'
  | 'notAllowed'
  | 'alreadyRolledOver'
  | 'partnerRequired'
  | 'targetMissing';

export type PairingIssue = { code: PairingIssueCode; field?: string; values?: Record<string, string | number> };

/** Kindergartens that may be a supporting one: any demonstration level. */
export function canSupport(k: Pick<KindergartenFacts, 'level'>) {
  return k.level !== 'NONE';
}

/** Kindergartens that may be assisted: rural ones, or any without a demonstration level. */
export function canBeAssisted(k: Pick<KindergartenFacts, 'area' | 'level'>) {
  return k.area === 'RURAL' || k.level === 'NONE';
}

/**
 * Who may be paired with whom. A county admin's scope is checked against each kindergarten
 * separately: both must be in the county; only the city admin pairs across counties.
 * An out-of-scope kindergarten yields only that issue, so nothing else about it is revealed.
 */
export function partnerIssues(actor: Actor, action: Action, supporting: KindergartenFacts, assisted: KindergartenFacts): PairingIssue[] {
  if (supporting.id === assisted.id) return [{ code: 'sameKindergarten', field: 'assistedId' }];
  if (!can(actor, action, kindergartenResource(supporting)) || !can(actor, action, kindergartenResource(assisted))) {
    return [{ code: 'outsideCounty', field: can(actor, action, kindergartenResource(supporting)) ? 'assistedId' : 'supportingId' }];
  }
  const issues: PairingIssue[] = [];
  if (!canSupport(supporting)) issues.push({ code: 'supporterNotDemonstration', field: 'supportingId' });
  if (!supporting.active) issues.push({ code: 'supportingInactive', field: 'supportingId' });
  if (!canBeAssisted(assisted)) issues.push({ code: 'assistedNotEligible', field: 'assistedId' });
  if (!assisted.active) issues.push({ code: 'assistedInactive', field: 'assistedId' });
  return issues;
}

export function capIssues(activeForSupporter: number, cap: number): PairingIssue[] {
  return activeForSupporter >= cap ? [{ code: 'capReached', field: 'supportingId', values: { max: cap } }] : [];
}

export function dateIssues(span: { startsOn: IsoDate; endsOn: IsoDate }, startsOn: IsoDate, endsOn?: IsoDate | null): PairingIssue[] {
  const issues: PairingIssue[] = [];
  const values = { from: span.startsOn, to: span.endsOn };
  if (startsOn < span.startsOn || startsOn > span.endsOn) issues.push({ code: 'startOutsideCycle', field: 'startsOn', values });
  if (endsOn) {
    if (endsOn < startsOn) issues.push({ code: 'endBeforeStart', field: 'endsOn' });
    else if (endsOn > span.endsOn) issues.push({ code: 'endOutsideCycle', field: 'endsOn', values });
  }
  return issues;
}

/** The leading group: a leader and members, all chosen from the people allowed to serve. */
export function leadingGroupIssues(eligibleUserIds: Set<string>, leaderId: string | null | undefined, memberIds: string[]): PairingIssue[] {
  const issues: PairingIssue[] = [];
  if (!leaderId) issues.push({ code: 'leaderRequired', field: 'leaderId' });
  else if (!eligibleUserIds.has(leaderId)) issues.push({ code: 'memberNotEligible', field: 'leaderId' });
  if (memberIds.some((id) => !eligibleUserIds.has(id))) issues.push({ code: 'memberNotEligible', field: 'memberIds' });
  return issues;
}

/** Members without the leader and without repeats. */
export function normalizeMembers(leaderId: string | null | undefined, memberIds: string[]): string[] {
  return [...new Set(memberIds)].filter((id) => id !== leaderId);
}
