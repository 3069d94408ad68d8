import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { ActivityStatus, ActivityType, ConfirmationStatus } from '@/generated/prisma/enums';
import { instantToZoned, localDate } from '@/lib/time/zoned';
import { ActivityBadges } from './badges';

type Item = {
  id: string;
  title: string;
  type: ActivityType;
  status: ActivityStatus;
  startsAt: Date;
  confirmation: ConfirmationStatus;
  incomplete: boolean;
  location: string;
};

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

/**
 * A month of a pairing's activities, drawn on the server: a Monday-first grid from md up, an
 * agenda list on phones (a 7-column grid is unreadable at 360 px).
 */
export async function MonthCalendar({
  month,
  timeZone,
  items,
  basePath,
  newHref,
}: {
  month: string;
  timeZone: string;
  items: Item[];
  basePath: string;
  newHref: string | null;
}) {
  const t = await getTranslations('activities');
  const [y, m] = month.split('-').map(Number);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const byDay = new Map<string, (Item & { time: string })[]>();
  for (const a of items) {
    const { date, time } = instantToZoned(a.startsAt, timeZone);
    byDay.set(date, [...(byDay.get(date) ?? []), { ...a, time }]);
  }
  const day = (n: number) => `${month}-${String(n).padStart(2, '0')}`;
  const today = localDate(new Date(), timeZone);
  const cells = [...Array(lead).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  const weekdays = t('calendar.weekdays').split(',');
  const mark = (s: ActivityStatus) => (s === 'PLANNED' ? '○' : s === 'DONE' ? '●' : '×');

  return (
    <div>
      <nav className="mb-3 flex items-center justify-between gap-2" aria-label={t('calendar.title')}>
        <Link
          href={`${basePath}?month=${shiftMonth(month, -1)}`}
          aria-label={t('calendar.prevMonth')}
          className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-stone-400 bg-white px-3 text-sm"
        >
          ←<span className="ml-1 hidden sm:inline">{t('calendar.prevMonth')}</span>
        </Link>
        <h2 className="whitespace-nowrap text-lg font-semibold tabular-nums">{month}</h2>
        <Link
          href={`${basePath}?month=${shiftMonth(month, 1)}`}
          aria-label={t('calendar.nextMonth')}
          className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md border border-stone-400 bg-white px-3 text-sm"
        >
          <span className="mr-1 hidden sm:inline">{t('calendar.nextMonth')}</span>→
        </Link>
      </nav>

      {/* Phones: agenda */}
      <div className="md:hidden">
        {items.length === 0 ? (
          <p className="text-stone-700">{t('calendar.empty')}</p>
        ) : (
          <ol className="flex flex-col gap-3">
            {[...byDay.entries()].map(([date, list]) => (
              <li key={date}>
                <h3 className={`mb-1 text-sm font-semibold ${date === today ? 'text-brand-800' : 'text-stone-700'}`}>{date}</h3>
                <ul className="flex flex-col gap-2">
                  {list.map((a) => (
                    <li key={a.id}>
                      <Link
                        href={`/activities/${a.id}`}
                        className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm"
                      >
                        <span className="text-xs text-stone-600">
                          {a.time} · {t(`types.${a.type}`)}
                        </span>
                        <span className="font-medium">{a.title}</span>
                        <ActivityBadges status={a.status} confirmation={a.confirmation} incomplete={a.incomplete} />
                      </Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </div>

      {/* Desktop: month grid */}
      <div className="hidden md:block">
        <div role="table" aria-label={month} className="grid grid-cols-7 border-l border-t border-stone-300 bg-white">
          <div role="row" className="contents">
            {weekdays.map((w) => (
              <div
                role="columnheader"
                key={w}
                className="border-b border-r border-stone-300 bg-stone-100 px-2 py-1 text-center text-sm font-medium"
              >
                {w}
              </div>
            ))}
          </div>
          {Array.from({ length: cells.length / 7 }, (_, week) => (
            <div role="row" key={week} className="contents">
              {cells.slice(week * 7, week * 7 + 7).map((n, i) => (
                <div role="cell" key={i} className={`min-h-28 border-b border-r border-stone-300 p-1 ${n ? '' : 'bg-stone-50'}`}>
                  {n && (
                    <>
                      <div className="flex items-center justify-between">
                        <span
                          className={`text-sm tabular-nums ${day(n) === today ? 'rounded-full bg-brand-700 px-1.5 font-semibold text-white' : 'text-stone-600'}`}
                        >
                          {n}
                        </span>
                        {newHref && (
                          <Link
                            href={`${newHref}&date=${day(n)}`}
                            className="text-xs text-stone-500 hover:text-brand-800"
                            aria-label={`${t('calendar.plan')} ${day(n)}`}
                          >
                            +
                          </Link>
                        )}
                      </div>
                      <ul className="flex flex-col gap-1">
                        {(byDay.get(day(n)) ?? []).map((a) => (
                          <li key={a.id}>
                            <Link
                              href={`/activities/${a.id}`}
                              title={`${t(`statuses.${a.status}`)} · ${a.title}`}
                              className={`block truncate rounded px-1 text-xs ${a.status === 'CANCELLED' ? 'text-stone-500 line-through' : a.status === 'PLANNED' ? 'bg-sky-50 text-sky-900' : 'bg-stone-100 text-stone-900'}`}
                            >
                              <span aria-hidden="true">{mark(a.status)} </span>
                              {a.time} {a.title}
                              <span className="sr-only"> ({t(`statuses.${a.status}`)})</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </div>
              ))}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
