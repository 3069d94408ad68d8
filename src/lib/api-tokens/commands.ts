import 'server-only';
import { z } from 'zod';
import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit';
import { can, type ActorWithName } from '@/lib/authz';
import { fail, ok, parseInput, type Result } from '@/lib/result';
import { isBlank, requiredId, safeLine } from '@/lib/schema-fields';
import { generateToken, hashToken, lastFour } from './token';

export const MAX_ACTIVE_TOKENS = 20;

const EXPIRY_DAYS = { '30': 30, '90': 90, '365': 365, never: null } as const;

const CreateTokenInput = z.object({
  name: safeLine(10_000)
    .refine((s) => !isBlank(s), 'api.tokens.nameRequired')
    .refine((s) => s.length <= 80, 'api.tokens.nameTooLong'),
  expires: z.enum(['30', '90', '365', 'never'], { message: 'api.tokens.fix' }).default('90'),
});

const TokenRef = z.object({ id: requiredId });

/** Issues a token and returns it: the only moment it exists outside the caller. Only its hash is stored. */
export async function issueToken(
  actor: ActorWithName,
  raw: unknown,
  db: Db,
  now = new Date(),
): Promise<Result<{ id: string; token: string }>> {
  if (!can(actor, 'apiToken.manage', { ownerId: actor.id })) return fail('notAllowed');
  const parsed = parseInput(CreateTokenInput, raw);
  if (!parsed.ok) return parsed;
  const { name, expires } = parsed.value;
  const active = await db.personalAccessToken.count({
    where: { ownerId: actor.id, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
  });
  if (active >= MAX_ACTIVE_TOKENS)
    return fail('wrongState', { message: { key: 'api.tokens.tooMany', values: { max: MAX_ACTIVE_TOKENS } } });
  const token = generateToken();
  const days = EXPIRY_DAYS[expires];
  const expiresAt = days == null ? null : new Date(now.getTime() + days * 86400_000);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.personalAccessToken.create({
      data: { ownerId: actor.id, name, tokenHash: hashToken(token), lastFour: lastFour(token), expiresAt, createdAt: now },
      select: { id: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'apiToken.created',
      entityType: 'PersonalAccessToken',
      entityId: created.id,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      after: { name, lastFour: lastFour(token), expiresAt },
    });
    return created;
  });
  return ok({ id: row.id, token });
}

/** Only the owner revokes; someone else's token id answers as if it did not exist. */
export async function revokeOwnToken(actor: ActorWithName, raw: unknown, db: Db, now = new Date()): Promise<Result> {
  const parsed = TokenRef.safeParse(raw);
  if (!parsed.success) return fail('notFound');
  const row = await db.personalAccessToken.findUnique({
    where: { id: parsed.data.id },
    select: { id: true, ownerId: true, name: true, lastFour: true, revokedAt: true },
  });
  if (!row || !can(actor, 'account.updateOwn', { ownerId: row.ownerId })) return fail('notFound');
  if (row.revokedAt) return ok({ id: row.id });
  await db.$transaction(async (tx) => {
    await tx.personalAccessToken.update({ where: { id: row.id }, data: { revokedAt: now } });
    await writeAudit(tx, {
      actor,
      action: 'apiToken.revoked',
      entityType: 'PersonalAccessToken',
      entityId: row.id,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      before: { name: row.name, lastFour: row.lastFour },
    });
  });
  return ok({ id: row.id });
}
