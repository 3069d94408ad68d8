/**
 * Core logic of teachers' records: lessons and their evaluation, master–apprentice pairs and
 * their one-on-one file, papers, programmes of the assisted kindergarten and the annual plan.
 * Same shape as the activity commands: (actor, raw input, db) → result; change + audit in one transaction.
 */
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { can, pairingResource, type Resource } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, type CommandResult } from '@/lib/command-result';
import { currentMentorPairWhere, PAIRING_SCOPE, type ActorWithName } from '@/lib/authz';
import { getCity, todayIn } from '@/lib/cycles/city';
import { dbDateFromIso } from '@/lib/cycles/periods';
import { dateOnly } from '@/lib/activities/time';
import {
  ANNUAL_PLAN_PARTS, AnnualPlanInput, EvaluateInput, LessonInput, MentorPairInput, MentorPairUpdateInput, MentorSessionInput, PaperInput, PaperRef, PaperUpdateInput,
  ProgrammeInput, ProgrammeRecordInput,
} from './schemas';

function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    if (!(out[key] ??= []).includes(issue.message)) out[key].push(issue.message);
  }
  return out;
}

const isUniqueViolation = (e: unknown) => !!e && typeof e === 'object' && 'code' in e && e.code === 'P2002';

// ---------------------------------------------------------------- lessons

/** The city's date today as a date-only value: the mentor relationship is decided on it. */
export async function cityToday(db: Db, now = new Date()): Promise<Date> {
  return dbDateFromIso(todayIn((await getCity(db)).timeZone, now));
}

export async function mentorsOf(db: Db, teacherId: string, now = new Date()): Promise<string[]> {
  const pairs = await db.mentorPair.findMany({ where: { apprenticeId: teacherId, ...currentMentorPairWhere(await cityToday(db, now)) }, select: { mentorId: true } });
  return [...new Set(pairs.map((p) => p.mentorId))];
}

export function lessonResource(l: { teacherId: string; kindergartenId: string; kindergarten: { countyId: string } }, mentorIds: string[]): Resource {
  return { countyIds: [l.kindergarten.countyId], kindergartenIds: [l.kindergartenId], ownerIds: [l.teacherId, ...mentorIds] };
}

export async function loadLesson(db: Db, id: string) {
  const l = await db.lessonRecord.findUnique({ where: { id }, include: { kindergarten: { select: { countyId: true, name: true } }, teacher: { select: { name: true } }, evaluatedBy: { select: { name: true } } } });
  if (!l) return null;
  return { lesson: l, mentorIds: await mentorsOf(db, l.teacherId) };
}

/** A teacher (or director) records a lesson they gave; it can be changed until it is evaluated. */
export async function saveLesson(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = LessonInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const { id, version, ...d } = parsed.data;
  const data = { ...d, heldOn: dateOnly(d.heldOn) };
  if (!id) {
    if (!actor.kindergartenId || !can(actor, 'lesson.create', { ownerId: actor.id })) return fail('notAllowed');
    const kindergartenId = actor.kindergartenId;
    const created = await db.$transaction(async (tx) => {
      const l = await tx.lessonRecord.create({ data: { ...data, teacherId: actor.id, kindergartenId } });
      await writeAudit(tx, { actor, action: 'lesson.created', entityType: 'LessonRecord', entityId: l.id, countyId: actor.countyId, kindergartenId, after: d });
      return l;
    });
    return ok({ id: created.id });
  }
  const found = await loadLesson(db, id);
  if (!found || !can(actor, 'lesson.view', lessonResource(found.lesson, found.mentorIds))) return fail('notFound');
  const l = found.lesson;
  if (!can(actor, 'lesson.update', { ownerId: l.teacherId })) return fail('notAllowed');
  // An evaluation rates what was read: the record stays as it was.
  if (l.rating) return fail('wrongState');
  if (version !== l.version) return fail('conflict');
  await db.$transaction(async (tx) => {
    await tx.lessonRecord.update({ where: { id: l.id }, data: { ...data, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor, action: 'lesson.updated', entityType: 'LessonRecord', entityId: l.id, countyId: l.kindergarten.countyId, kindergartenId: l.kindergartenId,
      before: { heldOn: l.heldOn, className: l.className, domain: l.domain, title: l.title, plan: l.plan, reflection: l.reflection }, after: d,
    });
  });
  return ok({ id: l.id });
}

/** A director of the teacher's kindergarten or the teacher's mentor rates the lesson; never the teacher. */
export async function evaluateLesson(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<CommandResult> {
  const parsed = EvaluateInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const { id, version, rating, comment } = parsed.data;
  const found = await loadLesson(db, id);
  if (!found || !can(actor, 'lesson.view', lessonResource(found.lesson, found.mentorIds))) return fail('notFound');
  const l = found.lesson;
  const asEvaluator: Resource = { countyIds: [l.kindergarten.countyId], kindergartenIds: [l.kindergartenId], ownerIds: found.mentorIds };
  if (actor.id === l.teacherId || !can(actor, 'lesson.evaluate', asEvaluator)) return fail('notAllowed');
  if (version !== l.version) return fail('conflict');
  await db.$transaction(async (tx) => {
    await tx.lessonRecord.update({
      where: { id: l.id },
      data: { rating, ratingComment: comment || null, evaluatedById: actor.id, evaluatedAt: now, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actor, action: 'lesson.evaluated', entityType: 'LessonRecord', entityId: l.id, countyId: l.kindergarten.countyId, kindergartenId: l.kindergartenId,
      before: { rating: l.rating, comment: l.ratingComment, evaluatedById: l.evaluatedById }, after: { rating, comment },
    });
  });
  return ok({ id: l.id });
}

// ---------------------------------------------------------------- master–apprentice pairs

/** A director of either side pairs a supporting-side teacher (master) with an assisted-side teacher. */
export async function createMentorPair(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = MentorPairInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const d = parsed.data;
  const pairing = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'mentor.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'mentor.manage', pairingResource(pairing))) return fail('notAllowed');
  const [mentor, apprentice] = await Promise.all([
    db.user.findFirst({ where: { id: d.mentorId, kindergartenId: pairing.supportingId, active: true } }),
    db.user.findFirst({ where: { id: d.apprenticeId, kindergartenId: pairing.assistedId, active: true } }),
  ]);
  const errors: Record<string, string[]> = {};
  if (!mentor) errors.mentorId = ['teaching.errors.mentorNotSupporting'];
  if (!apprentice) errors.apprenticeId = ['teaching.errors.apprenticeNotAssisted'];
  if (d.endsOn && d.endsOn < d.startsOn) errors.endsOn = ['teaching.errors.endBeforeStart'];
  if (Object.keys(errors).length) return fail('invalid', errors);
  try {
    const created = await db.$transaction(async (tx) => {
      const p = await tx.mentorPair.create({
        data: { pairingId: pairing.id, mentorId: d.mentorId, apprenticeId: d.apprenticeId, goals: d.goals, startsOn: dateOnly(d.startsOn), endsOn: d.endsOn ? dateOnly(d.endsOn) : null, createdById: actor.id },
      });
      await writeAudit(tx, {
        actor, action: 'mentorPair.created', entityType: 'MentorPair', entityId: p.id, countyId: pairing.assisted.countyId, kindergartenId: pairing.assistedId,
        after: { mentorId: d.mentorId, apprenticeId: d.apprenticeId, goals: d.goals, startsOn: d.startsOn, endsOn: d.endsOn },
      });
      return p;
    });
    return ok({ id: created.id });
  } catch (e) {
    if (isUniqueViolation(e)) return fail('invalid', { apprenticeId: ['teaching.errors.pairExists'] });
    throw e;
  }
}

/** Goals change; a pair ends by getting an end date (the mentor then stops following the apprentice's lessons). */
export async function updateMentorPair(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = MentorPairUpdateInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const d = parsed.data;
  const p = await loadMentorPair(db, d.id);
  if (!p || !can(actor, 'mentor.view', pairingResource(p.pairing))) return fail('notFound');
  if (!can(actor, 'mentor.manage', pairingResource(p.pairing))) return fail('notAllowed');
  if (p.version !== d.version) return fail('conflict');
  const endsOn = d.endsOn ? dateOnly(d.endsOn) : null;
  if (endsOn && endsOn < p.startsOn) return fail('invalid', { endsOn: ['teaching.errors.endBeforeStart'] });
  await db.$transaction(async (tx) => {
    await tx.mentorPair.update({ where: { id: p.id }, data: { goals: d.goals, endsOn, version: { increment: 1 } } });
    await writeAudit(tx, {
      actor, action: 'mentorPair.updated', entityType: 'MentorPair', entityId: p.id, countyId: p.pairing.assisted.countyId, kindergartenId: p.pairing.assistedId,
      before: { goals: p.goals, endsOn: p.endsOn }, after: { goals: d.goals, endsOn: d.endsOn },
    });
  });
  return ok({ id: p.id });
}

export async function loadMentorPair(db: Db, id: string) {
  return db.mentorPair.findUnique({ where: { id }, include: { pairing: { select: PAIRING_SCOPE } } });
}

export function mentorPairResource(p: NonNullable<Awaited<ReturnType<typeof loadMentorPair>>>): Resource {
  return { ...pairingResource(p.pairing), ownerIds: [p.mentorId, p.apprenticeId] };
}

/** The master, the apprentice, or a director of either side writes an entry in the pair's file. */
export async function logMentorSession(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = MentorSessionInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const d = parsed.data;
  const p = await loadMentorPair(db, d.mentorPairId);
  if (!p || !can(actor, 'mentor.view', pairingResource(p.pairing))) return fail('notFound');
  if (!can(actor, 'mentor.logSession', mentorPairResource(p))) return fail('notAllowed');
  const created = await db.$transaction(async (tx) => {
    const s = await tx.mentorSession.create({ data: { mentorPairId: p.id, heldOn: dateOnly(d.heldOn), topic: d.topic, notes: d.notes, createdById: actor.id } });
    await writeAudit(tx, {
      actor, action: 'mentorSession.created', entityType: 'MentorSession', entityId: s.id, countyId: p.pairing.assisted.countyId, kindergartenId: p.pairing.assistedId,
      after: { mentorPairId: p.id, heldOn: d.heldOn, topic: d.topic, notes: d.notes },
    });
    return s;
  });
  return ok({ id: created.id });
}

// ---------------------------------------------------------------- papers

export function paperResource(p: { authorId: string; kindergartenId: string; kindergarten: { countyId: string } }): Resource {
  return { countyIds: [p.kindergarten.countyId], kindergartenIds: [p.kindergartenId], ownerId: p.authorId };
}

/** A teacher enters their own paper or award; it counts for A6 once their director confirms it. */
export async function createPaper(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = PaperInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  if (!actor.kindergartenId || !can(actor, 'paper.create', { ownerId: actor.id })) return fail('notAllowed');
  const d = parsed.data;
  const kindergartenId = actor.kindergartenId;
  const created = await db.$transaction(async (tx) => {
    const p = await tx.paper.create({ data: { ...d, date: dateOnly(d.date), authorId: actor.id, kindergartenId } });
    await writeAudit(tx, { actor, action: 'paper.created', entityType: 'Paper', entityId: p.id, countyId: actor.countyId, kindergartenId, after: d });
    return p;
  });
  return ok({ id: created.id });
}

/** The author corrects their entry until the director has confirmed it. */
export async function updatePaper(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = PaperUpdateInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const { id, version, ...d } = parsed.data;
  const p = await db.paper.findUnique({ where: { id }, include: { kindergarten: { select: { countyId: true } } } });
  if (!p || !can(actor, 'paper.view', paperResource(p))) return fail('notFound');
  if (!can(actor, 'paper.update', { ownerId: p.authorId })) return fail('notAllowed');
  if (p.confirmedAt) return fail('wrongState');
  if (p.version !== version) return fail('conflict');
  await db.$transaction(async (tx) => {
    await tx.paper.update({ where: { id }, data: { ...d, date: dateOnly(d.date), version: { increment: 1 } } });
    await writeAudit(tx, {
      actor, action: 'paper.updated', entityType: 'Paper', entityId: id, countyId: p.kindergarten.countyId, kindergartenId: p.kindergartenId,
      before: { title: p.title, venue: p.venue, kind: p.kind, level: p.level, award: p.award, date: p.date }, after: d,
    });
  });
  return ok({ id });
}

export async function confirmPaper(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<CommandResult> {
  const parsed = PaperRef.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const p = await db.paper.findUnique({ where: { id: parsed.data.id }, include: { kindergarten: { select: { countyId: true } } } });
  if (!p || !can(actor, 'paper.view', paperResource(p))) return fail('notFound');
  // A director who wrote the paper needs another director (a deputy) to confirm it.
  if (actor.id === p.authorId || !can(actor, 'paper.confirm', paperResource(p))) return fail('notAllowed');
  if (p.confirmedAt) return fail('wrongState');
  if (p.version !== parsed.data.version) return fail('conflict');
  await db.$transaction(async (tx) => {
    await tx.paper.update({ where: { id: p.id }, data: { confirmedById: actor.id, confirmedAt: now, version: { increment: 1 } } });
    await writeAudit(tx, { actor, action: 'paper.confirmed', entityType: 'Paper', entityId: p.id, countyId: p.kindergarten.countyId, kindergartenId: p.kindergartenId, after: { confirmedAt: now } });
  });
  return ok({ id: p.id });
}

// ---------------------------------------------------------------- programmes

/** A programme (research, parent work, characteristic construction) of the pairing's assisted kindergarten. */
export async function saveProgramme(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = ProgrammeInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const { id, version, ...d } = parsed.data;
  if (id) {
    const p = await db.programme.findUnique({ where: { id }, include: { pairing: { select: PAIRING_SCOPE } } });
    if (!p || !can(actor, 'programme.view', pairingResource(p.pairing))) return fail('notFound');
    if (!can(actor, 'programme.manage', pairingResource(p.pairing))) return fail('notAllowed');
    if (version !== p.version) return fail('conflict');
    await db.$transaction(async (tx) => {
      // The pairing (and so the kindergarten) of a programme never changes.
      await tx.programme.update({ where: { id }, data: { kind: d.kind, academicYear: d.academicYear, title: d.title, plan: d.plan, results: d.results, version: { increment: 1 } } });
      await writeAudit(tx, {
        actor, action: 'programme.updated', entityType: 'Programme', entityId: id, countyId: p.pairing.assisted.countyId, kindergartenId: p.kindergartenId,
        before: { kind: p.kind, academicYear: p.academicYear, title: p.title, plan: p.plan, results: p.results }, after: { ...d, pairingId: undefined },
      });
    });
    return ok({ id });
  }
  const pairing = await db.pairing.findUnique({ where: { id: d.pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'programme.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'programme.manage', pairingResource(pairing))) return fail('notAllowed');
  const created = await db.$transaction(async (tx) => {
    const p = await tx.programme.create({
      data: { pairingId: pairing.id, kindergartenId: pairing.assistedId, kind: d.kind, academicYear: d.academicYear, title: d.title, plan: d.plan, results: d.results, createdById: actor.id },
    });
    await writeAudit(tx, { actor, action: 'programme.created', entityType: 'Programme', entityId: p.id, countyId: pairing.assisted.countyId, kindergartenId: pairing.assistedId, after: d });
    return p;
  });
  return ok({ id: created.id });
}

export async function addProgrammeRecord(actor: ActorWithName, raw: unknown, db: Db): Promise<CommandResult> {
  const parsed = ProgrammeRecordInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const d = parsed.data;
  const p = await db.programme.findUnique({ where: { id: d.programmeId }, include: { pairing: { select: PAIRING_SCOPE } } });
  if (!p || !can(actor, 'programme.view', pairingResource(p.pairing))) return fail('notFound');
  if (!can(actor, 'programme.record', pairingResource(p.pairing))) return fail('notAllowed');
  const created = await db.$transaction(async (tx) => {
    const r = await tx.programmeRecord.create({ data: { programmeId: p.id, heldOn: dateOnly(d.heldOn), title: d.title, notes: d.notes, createdById: actor.id } });
    await writeAudit(tx, { actor, action: 'programmeRecord.created', entityType: 'ProgrammeRecord', entityId: r.id, countyId: p.pairing.assisted.countyId, kindergartenId: p.kindergartenId, after: d });
    return r;
  });
  return ok({ id: created.id });
}

// ---------------------------------------------------------------- annual plan

/**
 * Directors of both sides write the pairing's annual plan and summary. Submitting stamps it; a
 * submitted plan's six parts are then fixed (the bureau has it), the summary stays open until it
 * is submitted too.
 */
export async function saveAnnualPlan(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<CommandResult> {
  const parsed = AnnualPlanInput.safeParse(raw);
  if (!parsed.success) return fail('invalid', zodFieldErrors(parsed.error));
  const { pairingId, academicYear, version, submit, summary, ...parts } = parsed.data;
  const pairing = await db.pairing.findUnique({ where: { id: pairingId }, select: PAIRING_SCOPE });
  if (!pairing || !can(actor, 'annualPlan.view', pairingResource(pairing))) return fail('notFound');
  if (!can(actor, 'annualPlan.edit', pairingResource(pairing))) return fail('notAllowed');
  const existing = await db.annualPlan.findUnique({ where: { pairingId_academicYear: { pairingId, academicYear } } });
  if (existing && version !== existing.version) return fail('conflict');
  const planLocked = !!existing?.planSubmittedAt;
  if (existing?.summarySubmittedAt) return fail('wrongState');
  if (submit === 'plan' && planLocked) return fail('wrongState');
  const errors: Record<string, string[]> = {};
  if (submit === 'plan') for (const k of ANNUAL_PLAN_PARTS) if (!parts[k]) errors[k] = ['form.errors.required'];
  if (submit === 'summary') {
    if (!planLocked) errors.summary = ['teaching.errors.planFirst'];
    else if (!summary) errors.summary = ['form.errors.required'];
  }
  if (Object.keys(errors).length) return fail('invalid', errors);

  const planData = planLocked ? {} : parts;
  const stamps = {
    ...(submit === 'plan' ? { planSubmittedAt: now, planSubmittedById: actor.id } : {}),
    ...(submit === 'summary' ? { summarySubmittedAt: now, summarySubmittedById: actor.id } : {}),
  };
  const saved = await db.$transaction(async (tx) => {
    const row = existing
      ? await tx.annualPlan.update({ where: { id: existing.id, version: existing.version }, data: { ...planData, summary, ...stamps, updatedById: actor.id, version: { increment: 1 } } })
      : await tx.annualPlan.create({ data: { pairingId, academicYear, ...parts, summary, ...stamps, updatedById: actor.id } });
    const scope = { countyId: pairing.assisted.countyId, kindergartenId: actor.kindergartenId };
    const before = existing ? Object.fromEntries([...ANNUAL_PLAN_PARTS, 'summary'].map((k) => [k, existing[k as keyof typeof existing]])) : undefined;
    await writeAudit(tx, { actor, action: existing ? 'annualPlan.updated' : 'annualPlan.created', entityType: 'AnnualPlan', entityId: row.id, ...scope, before, after: { ...planData, summary } });
    if (submit) await writeAudit(tx, { actor, action: submit === 'plan' ? 'annualPlan.planSubmitted' : 'annualPlan.summarySubmitted', entityType: 'AnnualPlan', entityId: row.id, ...scope, after: { at: now } });
    return row;
  });
  return ok({ id: saved.id });
}
