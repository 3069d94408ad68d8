import type { Db, Tx } from '@/lib/db';
import { cityTimeZone } from './city-zone';
import { dateOnly, type IsoDate } from './date-only';
import { localDate } from './zoned';

/** Which day it is in the city (its recorded zone): what "today", "future" and "ended" mean. */
export async function cityToday(db: Db | Tx, now: Date = new Date()): Promise<IsoDate> {
  return localDate(now, await cityTimeZone(db));
}

/** The city's today as a @db.Date value, for comparisons with date columns. */
export async function cityTodayDate(db: Db | Tx, now: Date = new Date()): Promise<Date> {
  return dateOnly(await cityToday(db, now));
}
