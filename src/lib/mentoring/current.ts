/**
 * Who mentors whom today. The relationship is decided once, on the city's date
 * (`currentMentorPairWhere` in authz.ts): lessons, their files and the lists all ask here.
 */
import type { Db } from '@/lib/db';
import { currentMentorPairWhere } from '@/lib/authz';
import { cityTodayDate } from '@/lib/time/today';

/** The teacher's mentors in pairs running on the city's date. */
export async function mentorsOf(db: Db, teacherId: string, now = new Date()): Promise<string[]> {
  const pairs = await db.mentorPair.findMany({
    where: { apprenticeId: teacherId, ...currentMentorPairWhere(await cityTodayDate(db, now)) },
    select: { mentorId: true },
  });
  return [...new Set(pairs.map((p) => p.mentorId))];
}
