import { instantToZoned } from '@/lib/time/zoned';

/** '2026-03-05 09:30–11:00' style, on the city's wall clock, independent of the viewer's locale. */
export function whenText(startsAt: Date, endsAt: Date | null, timeZone: string): string {
  const s = instantToZoned(startsAt, timeZone);
  if (!endsAt) return `${s.date} ${s.time}`;
  const e = instantToZoned(endsAt, timeZone);
  return e.date === s.date ? `${s.date} ${s.time}–${e.time}` : `${s.date} ${s.time} – ${e.date} ${e.time}`;
}
