/**
 * The one place that decides who may do what.
 *
 * A permission is granted to a role together with the scope in which it holds:
 * - city:         anywhere in the city (a deployment serves one city)
 * - county:       records whose county is the user's county
 * - kindergarten: records that involve the user's kindergarten (both sides of a pairing count)
 * - self:         records the user owns
 * Queries use the *Where helpers below so lists, counts, charts and exports obey the same rule
 * as `can`. Pages answer "not found" for records outside the scope.
 */
import type { Role } from '@/generated/prisma/enums';

export type ScopeRule = 'city' | 'county' | 'kindergarten' | 'self';

export type Actor = {
  id: string;
  role: Role;
  /** Directors and teachers. */
  kindergartenId: string | null;
  /** The county the user belongs to: a county admin's region, a kindergarten's county; null for city admins. */
  countyId: string | null;
};

/** What a record looks like to the permission check; always built from the database row. */
export type Resource = {
  countyId?: string | null;
  /** Records that span counties (a cross-county pairing) are in scope of each county involved. */
  countyIds?: string[];
  /** Kindergartens the record belongs to: one for most records, both sides for a pairing. */
  kindergartenIds?: string[];
  ownerId?: string | null;
  /** Records that belong to several people (a mentor pair; a lesson its teacher's mentors may rate). */
  ownerIds?: string[];
  /** For records that are user accounts: the account's role (admins only manage lower ranks). */
  role?: Role;
};

/** An actor as the audit trail names it: every command takes one. */
export type ActorWithName = Actor & { name: string };

/**
 * The county a user belongs to: a county admin's region, otherwise their kindergarten's county
 * (null for city admins). Sessions, tokens and account rows all ask this one question.
 */
export function userCountyId(u: { role: Role; regionId: string | null; kindergarten?: { countyId: string } | null }): string | null {
  return u.role === 'COUNTY_ADMIN' ? u.regionId : (u.kindergarten?.countyId ?? null);
}

export const ROLES: Role[] = ['CITY_ADMIN', 'COUNTY_ADMIN', 'DIRECTOR', 'TEACHER'];

const RANK: Record<Role, number> = { CITY_ADMIN: 4, COUNTY_ADMIN: 3, DIRECTOR: 2, TEACHER: 1 };

type Grant = { [R in Role]?: ScopeRule };
type Permission = { grant: Grant; /** the target account must rank below the actor */ lowerRankOnly?: boolean };

export const PERMISSIONS = {
  'account.updateOwn': { grant: { CITY_ADMIN: 'self', COUNTY_ADMIN: 'self', DIRECTOR: 'self', TEACHER: 'self' } },
  'audit.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'user.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  // Admins create directors (the city admin also county admins); directors create their teachers.
  'user.create': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' }, lowerRankOnly: true },
  'user.import': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' }, lowerRankOnly: true },
  'user.resetPassword': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' }, lowerRankOnly: true },
  'user.setActive': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' }, lowerRankOnly: true },
  'kindergarten.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  'kindergarten.create': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Everything, including level, county and code. */
  'kindergarten.update': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Counts, address and contact only: what a director keeps up to date. */
  'kindergarten.updateProfile': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  'kindergarten.setActive': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'kindergarten.import': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'kindergarten.export': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'cycle.manage': { grant: { CITY_ADMIN: 'city' } },
  'settings.manage': { grant: { CITY_ADMIN: 'city' } },
  'pairing.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  /** Checked against each of the two kindergartens: a county admin pairs within the county. */
  'pairing.create': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'pairing.update': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'pairing.end': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  'pairing.rollover': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },

  // ---- Assistance activities (issue 4). Admins read; the two kindergartens keep their records. ----
  'activity.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  /** Teachers log activities they take part in (they are added as participants); checked against the pairing. */
  'activity.create': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' } },
  /** A teacher edits and cancels only what they logged; a director anything of the pairing. */
  'activity.update': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  'activity.cancel': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  /** Checked against the other side only (the side that did not log it): nobody confirms their own record. */
  'activity.confirm': { grant: { DIRECTOR: 'kindergarten' } },
  /** Checked against the receiving kindergarten of a donation. */
  'activity.confirmReceipt': { grant: { DIRECTOR: 'kindergarten' } },
  'request.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  /** Checked against the assisted kindergarten: it asks, and closes its own requests. */
  'request.create': { grant: { DIRECTOR: 'kindergarten' } },
  'request.close': { grant: { DIRECTOR: 'kindergarten' } },
  /** Checked against the supporting kindergarten: it answers by planning an activity for the request. */
  'request.answer': { grant: { DIRECTOR: 'kindergarten' } },
  'mentor.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  'mentor.manage': { grant: { DIRECTOR: 'kindergarten' } },
  /** The master and the apprentice keep their own file; directors of either side may add to it. */
  'mentor.logSession': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  /** Teachers see their own lessons (and, as mentors, their apprentices'); directors their kindergarten's. */
  'lesson.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  'lesson.create': { grant: { DIRECTOR: 'self', TEACHER: 'self' } },
  'lesson.update': { grant: { DIRECTOR: 'self', TEACHER: 'self' } },
  /** A director of the teacher's kindergarten, or the teacher's mentor (ownerIds = the mentors). */
  'lesson.evaluate': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  'paper.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  'paper.create': { grant: { DIRECTOR: 'self', TEACHER: 'self' } },
  'paper.update': { grant: { DIRECTOR: 'self', TEACHER: 'self' } },
  'paper.confirm': { grant: { DIRECTOR: 'kindergarten' } },
  'programme.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  /** Both directors of the pairing shape the assisted kindergarten's programmes. */
  'programme.manage': { grant: { DIRECTOR: 'kindergarten' } },
  /** Teachers of either side write down the sessions they held. */
  'programme.record': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' } },
  'annualPlan.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  /** Checked against the supporting kindergarten only: its director writes and submits (the assisted side comments). */
  'annualPlan.edit': { grant: { DIRECTOR: 'kindergarten' } },
  /** The comment thread of a plan or summary: both directors and the reviewers. */
  'annualPlan.comment': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  /** File (备案) or return a submitted plan or summary; a director never reviews, so none files its own. */
  'annualPlan.review': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** The bureau's status list of plans and summaries per pairing, and its export. */
  'annualPlan.status': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Due dates per academic year. */
  'annualPlan.setDueDates': { grant: { CITY_ADMIN: 'city' } },

  // ---- Personal access tokens for the read-only JSON API (issue 5). ----
  /** Admins and directors report from their own tools; a token reads exactly what its owner may read. */
  'apiToken.manage': { grant: { CITY_ADMIN: 'self', COUNTY_ADMIN: 'self', DIRECTOR: 'self' } },
  // ---- Evidence files and the archive (issue 4, part B). Seeing a file = seeing its record. ----
  /** Checked against the record's kindergartens after the record's own view check (see docs/decisions/008). */
  'evidence.attach': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' } },
  /** Checked against the file: the owning kindergarten's director, or the uploader. */
  'evidence.delete': { grant: { DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  /** The bureau's list of photos offered as proof for two activities. */
  'evidence.duplicates': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** The per-pair archive page and its zip download; checked against the pairing. */
  'archive.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' } },
  // ---- Effect tests and dashboards (issue 5). Checked against the pairing. ----
  'effectTests.view': {
    grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'kindergarten' },
  },
  'effectTests.export': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  /** Thresholds for future periods and the confirmed-only switch. */
  'effectTests.configure': { grant: { CITY_ADMIN: 'city' } },
  /** A1: a bureau inspection (不定期督查). */
  'assessment.inspect': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** A1: the assisted director's attestation, with evidence; checked against the assisted kindergarten. */
  'assessment.attest': { grant: { DIRECTOR: 'kindergarten' } },

  // ---- Supervision (issue 10). The bureau inspects, demands corrections, checks records, publishes. ----
  /** Inspections and their findings: the bureau, and the directors of the kindergartens inspected (recorded ones only). */
  'inspection.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  /** Record an inspection and its checklist (checked against each kindergarten inspected). */
  'inspection.record': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** The city's checklist template. */
  'checklist.manage': { grant: { CITY_ADMIN: 'city' } },
  'rectification.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  /** Open a rectification from a finding or a questioned record. */
  'rectification.open': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Checked against the kindergarten that must act: its director answers with measures and evidence. */
  'rectification.answer': { grant: { DIRECTOR: 'kindergarten' } },
  /** Accept (close) or return an answer; a director never reviews, so no kindergarten closes its own. */
  'rectification.review': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Draw a sample of records, verify or question each. */
  'spotCheck.manage': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Reasons to look at a record (late entry, near-duplicate photo, …): the bureau only, never a verdict. */
  'signals.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Close a semester or academic year (freezes its results). */
  'period.close': { grant: { CITY_ADMIN: 'city' } },
  /** Approve or reject a record entered after its period closed. */
  'lateCorrection.review': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** Draft and publish bulletins. */
  'bulletin.manage': { grant: { CITY_ADMIN: 'city' } },
  /** A published bulletin is a deliberate publication: every user in the city reads it. */
  'bulletin.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'city', DIRECTOR: 'city', TEACHER: 'city' } },

  // ---- The end of a cycle (issue 14). ----
  /** A teacher's (or director's) service record and its printed PDF: the person, their director, the bureau. */
  'serviceRecord.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten', TEACHER: 'self' } },
  /** Commendation rounds: the city sets them up, approves and publishes. */
  'commendation.manage': { grant: { CITY_ADMIN: 'city' } },
  /** Counties nominate within their quota (checked against the nominee's county). */
  'commendation.nominate': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** A published list is a deliberate publication, read city-wide like a bulletin; rounds in progress are the bureau's. */
  'commendation.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'city', DIRECTOR: 'city', TEACHER: 'city' } },

  /** The before/after measurements of a pairing (docs/decisions/026): the bureau, or the supporting director (checked against the supporting side). */
  'measurement.record': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  /** The assisted director confirms what was measured of their kindergarten (checked against the assisted side). */
  'measurement.confirm': { grant: { DIRECTOR: 'kindergarten' } },
  /** A pairing's cycle review and the county/city roll-up: the bureau, and the directors of the pairing (not teachers: it lists inspections and rectifications). */
  'cycleReview.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'kindergarten' } },
  /** The cycle summary's text and its publication: each office writes its own (a county's, the city's; see cycleSummaryOffice). */
  'cycleSummary.manage': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county' } },
  /** A published summary is read in its scope: a county's by the people of that county, the city's by everyone. */
  'cycleSummary.view': { grant: { CITY_ADMIN: 'city', COUNTY_ADMIN: 'county', DIRECTOR: 'county', TEACHER: 'county' } },

  // ---- Notifications (issue 11). ----
  'notification.view': { grant: { CITY_ADMIN: 'self', COUNTY_ADMIN: 'self', DIRECTOR: 'self', TEACHER: 'self' } },
} satisfies Record<string, Permission>;

export type Action = keyof typeof PERMISSIONS;

export function scopeRuleFor(actor: Pick<Actor, 'role'>, action: Action): ScopeRule | null {
  return (PERMISSIONS[action] as Permission).grant[actor.role] ?? null;
}

/** May the actor use this action at all (navigation, buttons)? */
export function hasPermission(actor: Pick<Actor, 'role'> | null, action: Action): boolean {
  return actor != null && scopeRuleFor(actor, action) != null;
}

export function can(actor: Actor | null, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  const rule = scopeRuleFor(actor, action);
  if (!rule) return false;
  const permission = PERMISSIONS[action] as Permission;
  if (permission.lowerRankOnly && resource.role && RANK[resource.role] >= RANK[actor.role]) return false;
  return inScope(actor, rule, resource);
}

function inScope(actor: Actor, rule: ScopeRule, resource: Resource): boolean {
  switch (rule) {
    case 'city':
      return true;
    case 'county':
      return actor.countyId != null && [resource.countyId, ...(resource.countyIds ?? [])].includes(actor.countyId);
    case 'kindergarten':
      return actor.kindergartenId != null && (resource.kindergartenIds ?? []).includes(actor.kindergartenId);
    case 'self':
      return resource.ownerId === actor.id || (resource.ownerIds ?? []).includes(actor.id);
  }
}

/** Thrown by loaders when a record is missing or outside the caller's scope; pages turn it into a 404. */
export class NotFoundError extends Error {
  constructor() {
    super('not found');
  }
}

// ---- Scope filters for list queries (Prisma where-inputs) ----
// An impossible filter: matches nothing, for roles without the permission.
const NOTHING = { id: { in: [] as string[] } };

export function kindergartenWhere(actor: Actor, action: Action = 'kindergarten.view') {
  switch (scopeRuleFor(actor, action)) {
    case 'city':
      return {};
    case 'county':
      return { countyId: actor.countyId ?? '' };
    case 'kindergarten':
      return { id: actor.kindergartenId ?? '' };
    default:
      return NOTHING;
  }
}

/** Counties the actor may pick (forms, filters): every county for the city, their own for a county admin. */
export function countyWhere(actor: Actor, action: Action = 'kindergarten.view') {
  switch (scopeRuleFor(actor, action)) {
    case 'city':
      return { kind: 'COUNTY' as const };
    case 'county':
      return { kind: 'COUNTY' as const, id: actor.countyId ?? '' };
    default:
      return NOTHING;
  }
}

/** Pairings: a county sees those touching its kindergartens; a kindergarten sees both sides of its own. */
export function pairingWhere(actor: Actor, action: Action = 'pairing.view') {
  switch (scopeRuleFor(actor, action)) {
    case 'city':
      return {};
    case 'county':
      return { OR: [{ supporting: { countyId: actor.countyId ?? '' } }, { assisted: { countyId: actor.countyId ?? '' } }] };
    case 'kindergarten':
      return { OR: [{ supportingId: actor.kindergartenId ?? '' }, { assistedId: actor.kindergartenId ?? '' }] };
    default:
      return NOTHING;
  }
}

/** Pairings on the bureau's annual plan status list: the list, its count and its export read this one filter. */
export function annualPlanStatusWhere(actor: Actor) {
  return pairingWhere(actor, 'annualPlan.status');
}

/** Pairings the actor may carry over to the next cycle: both kindergartens within the actor's scope. */
export function rolloverWhere(actor: Actor) {
  const kg = kindergartenWhere(actor, 'pairing.rollover');
  return { supporting: kg, assisted: kg };
}

/** What a pairing's permission checks read: both kindergartens and their counties (and names, for messages). */
export const PAIRING_SCOPE = {
  id: true,
  supportingId: true,
  assistedId: true,
  supporting: { select: { countyId: true, name: true } },
  assisted: { select: { countyId: true, name: true } },
} as const;

/** One kindergarten of a pairing, as a resource: confirmation, receipt and requests are one-sided. */
export function sideResource(
  p: { supportingId: string; supporting: { countyId: string }; assisted: { countyId: string } },
  kindergartenId: string,
): Resource {
  const countyId = kindergartenId === p.supportingId ? p.supporting.countyId : p.assisted.countyId;
  return { countyIds: [countyId], kindergartenIds: [kindergartenId] };
}

/** Activities the actor may see: those of pairings in scope. Every list and count goes through it. */
export function activityWhere(actor: Actor) {
  return { pairing: pairingWhere(actor, 'activity.view') };
}

/** Commendation rounds: published ones for everyone; rounds taking nominations for the bureau; drafts for the city. */
export function commendationRoundWhere(actor: Actor) {
  if (hasPermission(actor, 'commendation.manage')) return {};
  if (hasPermission(actor, 'commendation.nominate'))
    return { status: { in: ['NOMINATING', 'PUBLISHED'] as ('NOMINATING' | 'PUBLISHED')[] } };
  return { status: 'PUBLISHED' as const };
}

/** People whose service record the actor may read: teachers and directors, the actor's own among them. */
export function serviceRecordPeopleWhere(actor: Actor) {
  const people = { role: { in: ['TEACHER', 'DIRECTOR'] as Role[] } };
  switch (scopeRuleFor(actor, 'serviceRecord.view')) {
    case 'city':
      return people;
    case 'county':
      return { ...people, kindergarten: { countyId: actor.countyId ?? '' } };
    case 'kindergarten':
      return { ...people, kindergartenId: actor.kindergartenId ?? '' };
    case 'self':
      return { ...people, id: actor.id };
    default:
      return NOTHING;
  }
}

/** Activities entered as late corrections (decision 020) that the actor reviews: those of pairings in scope. */
export function lateCorrectionWhere(actor: Actor) {
  return { lateCorrection: { not: null }, pairing: pairingWhere(actor, 'lateCorrection.review') };
}

/** Bulletins: drafts are the city's (bulletin.manage); a published one is read by everyone in the city. */
export function bulletinWhere(actor: Actor) {
  if (hasPermission(actor, 'bulletin.manage')) return {};
  if (hasPermission(actor, 'bulletin.view')) return { status: 'PUBLISHED' as const };
  return NOTHING;
}

export function requestWhere(actor: Actor) {
  return { pairing: pairingWhere(actor, 'request.view') };
}

// ---- Inspections (督查). A draft is the bureau's (those who record inspections, in scope); once
// recorded, the directors of the kindergartens inspected read it too. ----

/** An inspection as the permission checks see it: the kindergarten inspected, or both of the pairing. */
export function inspectionResource(i: {
  kindergarten: { id: string; countyId: string } | null;
  pairing: { supportingId: string; assistedId: string; supporting: { countyId: string }; assisted: { countyId: string } } | null;
}): Resource {
  if (i.pairing) return pairingResource(i.pairing);
  return i.kindergarten ? kindergartenResource(i.kindergarten) : { countyIds: [], kindergartenIds: [] };
}

/** What reading an inspection asks: a draft only the bureau's recording permission, a recorded one the view permission. */
export function inspectionViewAction(status: 'DRAFT' | 'RECORDED'): Action {
  return status === 'DRAFT' ? 'inspection.record' : 'inspection.view';
}

/**
 * The office that inspected (a county, or the city when null) continues its draft and records it:
 * its county's admins, or the city's. Checked besides 'inspection.record' on the kindergartens.
 */
export function inspectionOfficeResource(i: { officeCountyId: string | null }): Resource {
  return { countyId: i.officeCountyId };
}

/** Inspections in scope, drafts only for those who record them: every list, count and API read goes through it. */
export function inspectionWhere(actor: Actor) {
  const involving = (action: Action) => {
    switch (scopeRuleFor(actor, action)) {
      case 'city':
        return {};
      case 'county': {
        const countyId = actor.countyId ?? '';
        return {
          OR: [{ kindergarten: { countyId } }, { pairing: { supporting: { countyId } } }, { pairing: { assisted: { countyId } } }],
        };
      }
      case 'kindergarten': {
        const id = actor.kindergartenId ?? '';
        return { OR: [{ kindergartenId: id }, { pairing: { supportingId: id } }, { pairing: { assistedId: id } }] };
      }
      default:
        return NOTHING;
    }
  };
  return {
    OR: [
      { AND: [{ status: 'RECORDED' as const }, involving('inspection.view')] },
      { AND: [{ status: 'DRAFT' as const }, involving('inspection.record')] },
    ],
  };
}

/** A rectification (整改): the kindergarten that must act, and the office that opened it, which always sees what it opened. */
export function rectificationResource(r: {
  kindergartenId: string;
  officeCountyId: string | null;
  kindergarten: { countyId: string };
}): Resource {
  return { countyIds: [r.kindergarten.countyId, ...(r.officeCountyId ? [r.officeCountyId] : [])], kindergartenIds: [r.kindergartenId] };
}

/** Rectifications in scope: the city all; a county its kindergartens' and those it opened; a director its kindergarten's. */
export function rectificationWhere(actor: Actor) {
  switch (scopeRuleFor(actor, 'rectification.view')) {
    case 'city':
      return {};
    case 'county':
      return { OR: [{ kindergarten: { countyId: actor.countyId ?? '' } }, { officeCountyId: actor.countyId ?? '' }] };
    case 'kindergarten':
      return { kindergartenId: actor.kindergartenId ?? '' };
    default:
      return NOTHING;
  }
}

/**
 * May the actor accept or return answers as the rectification's office: a county admin for the county that
 * opened it; the city admin for every office (it supervises the counties' offices; decision 018).
 */
export function isRectificationOffice(actor: Actor, officeCountyId: string | null): boolean {
  switch (scopeRuleFor(actor, 'rectification.review')) {
    case 'city':
      return true;
    case 'county':
      return actor.countyId != null && actor.countyId === officeCountyId;
    default:
      return false;
  }
}

/** Rectifications of the actor's own office (what waits for its review): the city's own, or the county's. */
export function rectificationOfficeWhere(actor: Actor) {
  switch (scopeRuleFor(actor, 'rectification.review')) {
    case 'city':
      return { officeCountyId: null };
    case 'county':
      return { officeCountyId: actor.countyId ?? '' };
    default:
      return NOTHING;
  }
}

// ---- Spot checks (抽查) and signals (decision 019). ----

/**
 * For reads written in SQL (signals, spot-check populations): the pairings in scope are every one
 * (`city`), or those with either kindergarten in `countyId`: pairingWhere's rule. Null: none.
 */
export function pairingCountyScope(actor: Actor, action: Action): { city: true } | { countyId: string } | null {
  switch (scopeRuleFor(actor, action)) {
    case 'city':
      return { city: true };
    case 'county':
      return actor.countyId ? { countyId: actor.countyId } : null;
    default:
      return null;
  }
}

/** A spot check belongs to the scope it was drawn in: a county's, or the city's (countyId null, the city admin's only). */
export function spotCheckResource(s: { countyId: string | null }): Resource {
  return { countyId: s.countyId };
}

export function spotCheckWhere(actor: Actor) {
  switch (scopeRuleFor(actor, 'spotCheck.manage')) {
    case 'city':
      return {};
    case 'county':
      return { countyId: actor.countyId ?? '' };
    default:
      return NOTHING;
  }
}

/**
 * Mentor pairs running on `today`, the city's date as a date-only value: a mentor follows (and may
 * rate) the apprentice's lessons and files through the pair's last day, and not after.
 */
export function currentMentorPairWhere(today: Date) {
  return { OR: [{ endsOn: null }, { endsOn: { gte: today } }] };
}

/** Lessons in scope: a teacher's own, and as a mentor their apprentices'; a director's kindergarten's. */
export function lessonWhere(actor: Actor, today: Date) {
  switch (scopeRuleFor(actor, 'lesson.view')) {
    case 'city':
      return {};
    case 'county':
      return { kindergarten: { countyId: actor.countyId ?? '' } };
    case 'kindergarten':
      return { kindergartenId: actor.kindergartenId ?? '' };
    case 'self':
      return {
        OR: [{ teacherId: actor.id }, { teacher: { apprenticeships: { some: { mentorId: actor.id, ...currentMentorPairWhere(today) } } } }],
      };
    default:
      return NOTHING;
  }
}

export function paperWhere(actor: Actor) {
  switch (scopeRuleFor(actor, 'paper.view')) {
    case 'city':
      return {};
    case 'county':
      return { kindergarten: { countyId: actor.countyId ?? '' } };
    case 'kindergarten':
      return { kindergartenId: actor.kindergartenId ?? '' };
    case 'self':
      return { authorId: actor.id };
    default:
      return NOTHING;
  }
}

export function pairingResource(p: {
  supportingId: string;
  assistedId: string;
  supporting: { countyId: string };
  assisted: { countyId: string };
}): Resource {
  return { countyIds: [p.supporting.countyId, p.assisted.countyId], kindergartenIds: [p.supportingId, p.assistedId] };
}

export function kindergartenResource(k: { id: string; countyId: string }): Resource {
  return { countyId: k.countyId, kindergartenIds: [k.id] };
}

export function userWhere(actor: Actor, action: Action = 'user.view') {
  switch (scopeRuleFor(actor, action)) {
    case 'city':
      return {};
    case 'county':
      return {
        OR: [{ kindergarten: { countyId: actor.countyId ?? '' } }, { regionId: actor.countyId ?? '' }],
      };
    case 'kindergarten':
      return { kindergartenId: actor.kindergartenId ?? '' };
    case 'self':
      return { id: actor.id };
    default:
      return NOTHING;
  }
}

/** A person's inbox: their own notifications only, whatever their role. */
export function notificationWhere(actor: Actor) {
  return scopeRuleFor(actor, 'notification.view') === 'self' ? { recipientId: actor.id } : NOTHING;
}

export function auditWhere(actor: Actor) {
  switch (scopeRuleFor(actor, 'audit.view')) {
    case 'city':
      return {};
    case 'county':
      return { countyId: actor.countyId ?? '' };
    default:
      return { id: { in: [] as bigint[] } };
  }
}

/** The authorization view of a user account row. */
export function userResource(u: {
  id: string;
  role: Role;
  regionId: string | null;
  kindergartenId: string | null;
  kindergarten?: { countyId: string } | null;
}): Resource {
  return {
    countyId: userCountyId(u),
    kindergartenIds: u.kindergartenId ? [u.kindergartenId] : [],
    ownerId: u.id,
    role: u.role,
  };
}

// ---- The end of a cycle (issue 14, decision 026). A roll-up counts a pairing in its assisted
// kindergarten's county (the kindergarten measured before and after): pairingCountyScope(actor,
// 'cycleReview.view') gives the city every county, a county admin their own, anyone else none. ----

/** The office that writes a cycle summary: the city admin the city's (countyId null), a county admin their county's. */
export function isCycleSummaryOffice(actor: Actor, countyId: string | null): boolean {
  switch (scopeRuleFor(actor, 'cycleSummary.manage')) {
    case 'city':
      return countyId === null;
    case 'county':
      return countyId !== null && actor.countyId === countyId;
    default:
      return false;
  }
}

/** Reading a cycle summary: the city every one, drafts included; its office its own; a published one everyone in its scope. */
export function canReadCycleSummary(actor: Actor, s: { countyId: string | null; published: boolean }): boolean {
  if (scopeRuleFor(actor, 'cycleSummary.manage') === 'city' || isCycleSummaryOffice(actor, s.countyId)) return true;
  if (!s.published) return false;
  return s.countyId === null ? hasPermission(actor, 'cycleSummary.view') : can(actor, 'cycleSummary.view', { countyId: s.countyId });
}

/** Cycle summaries in a list: the same rule as canReadCycleSummary. */
export function cycleSummaryWhere(actor: Actor) {
  if (scopeRuleFor(actor, 'cycleSummary.manage') === 'city') return {};
  if (!hasPermission(actor, 'cycleSummary.view')) return NOTHING;
  const countyId = actor.countyId ?? '';
  const own = scopeRuleFor(actor, 'cycleSummary.manage') === 'county' ? [{ countyId }] : [];
  return { OR: [...own, { publishedAt: { not: null }, OR: [{ countyId: null }, { countyId }] }] };
}
