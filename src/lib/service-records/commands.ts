import 'server-only';
import { z } from 'zod';
import { db as defaultDb, type Db } from '@/lib/db';
import type { ActorWithName } from '@/lib/authz';
import { writeAudit } from '@/lib/audit';
import { fail, ok, parseInput, type Result } from '@/lib/result';
import { requiredId } from '@/lib/schema-fields';
import { getServiceRecord } from './queries';
import { newVerificationCode } from './code';

const PrintInput = z.object({ id: requiredId });

/**
 * Prints a service record: its content as of now is kept with a new verification code, so that
 * /verify/[code] shows exactly what the paper says, whatever changes later.
 */
export async function printServiceRecord(
  actor: ActorWithName,
  raw: unknown,
  db: Db = defaultDb,
): Promise<Result<{ id: string; code: string }>> {
  const input = parseInput(PrintInput, raw);
  if (!input.ok) return input;
  const personId = input.value.id;
  const record = await getServiceRecord(actor, personId, db);
  if (!record) return fail('notFound');
  const print = await db.$transaction(async (tx) => {
    const created = await tx.serviceRecordPrint.create({
      data: { code: newVerificationCode(), teacherId: personId, printedById: actor.id, content: JSON.parse(JSON.stringify(record)) },
      select: { id: true, code: true },
    });
    await writeAudit(tx, {
      actor,
      action: 'serviceRecord.printed',
      entityType: 'ServiceRecordPrint',
      entityId: created.id,
      countyId: actor.countyId,
      kindergartenId: actor.kindergartenId,
      after: { personId, code: created.code },
    });
    return created;
  });
  return ok(print);
}
