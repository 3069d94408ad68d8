import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { userCountyId } from '@/lib/authz';
import type { Role } from '@/generated/prisma/enums';

export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
// Writing lastSeenAt on every request would turn each page view into a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60 * 1000;

export type SessionUser = {
  id: string;
  name: string;
  role: Role;
  kindergartenId: string | null;
  kindergartenName: string | null;
  regionId: string | null;
  countyId: string | null;
  locale: string;
  mustChangePassword: boolean;
  sessionId: string;
};

export async function createSession(user: { id: string; securityStamp: number }, now = new Date()) {
  const id = randomBytes(24).toString('base64url');
  await db.userSession.create({
    data: {
      id,
      userId: user.id,
      securityStamp: user.securityStamp,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
    },
  });
  return id;
}

export type SessionEnd = 'expired' | 'idle' | 'deactivated' | 'changed' | 'signedOut' | 'missing';

/**
 * Checks a session against the database on every request, so deactivation, a role or
 * kindergarten change, sign-out and time-outs take effect on the very next request.
 */
export async function validateSession(sessionId: string, now = new Date()): Promise<{ user: SessionUser } | { ended: SessionEnd }> {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      endedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      securityStamp: true,
      user: {
        select: {
          id: true,
          name: true,
          role: true,
          kindergartenId: true,
          kindergarten: { select: { name: true, countyId: true } },
          regionId: true,
          locale: true,
          active: true,
          securityStamp: true,
          mustChangePassword: true,
        },
      },
    },
  });
  if (!row) return { ended: 'missing' };
  if (row.endedAt) return { ended: 'signedOut' };
  const reason: SessionEnd | null = !row.user.active
    ? 'deactivated'
    : row.user.securityStamp !== row.securityStamp
      ? 'changed'
      : row.expiresAt <= now
        ? 'expired'
        : now.getTime() - row.lastSeenAt.getTime() > IDLE_TIMEOUT_MS
          ? 'idle'
          : null;
  if (reason) {
    await endSession(sessionId, reason, now);
    return { ended: reason };
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.userSession.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  const u = row.user;
  return {
    user: {
      id: u.id,
      name: u.name,
      role: u.role,
      kindergartenId: u.kindergartenId,
      kindergartenName: u.kindergarten?.name ?? null,
      regionId: u.regionId,
      countyId: userCountyId(u),
      locale: u.locale,
      mustChangePassword: u.mustChangePassword,
      sessionId: row.id,
    },
  };
}

export async function endSession(sessionId: string, reason: SessionEnd, now = new Date()) {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

/** Server side of sign-out: the session row ends, so a copied cookie is worthless afterwards. */
export async function signOutSession(sessionId: string) {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      endedAt: true,
      user: {
        select: { id: true, name: true, regionId: true, role: true, kindergartenId: true, kindergarten: { select: { countyId: true } } },
      },
    },
  });
  if (!row || row.endedAt) return;
  const u = row.user;
  await db.$transaction(async (tx) => {
    await tx.userSession.update({ where: { id: sessionId }, data: { endedAt: new Date(), endReason: 'signedOut' } });
    await writeAudit(tx, {
      actor: u,
      action: 'auth.signOut',
      entityType: 'User',
      entityId: u.id,
      countyId: userCountyId(u),
      kindergartenId: u.kindergartenId,
    });
  });
}
