import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listAuditActions, listAuditEntries } from '@/lib/audit-trail/queries';
import { auditChanges, showValue } from '@/lib/audit-trail/changes';
import { parseAuditFilters } from '@/lib/audit-trail/filters';
import { PageHeader } from '@/components/ui/page-header';
import { isMessageKey } from '@/i18n/translator';
import { titled } from '@/i18n/page-title';
import { ScrollRegion } from '@/components/ui/scroll-region';

export const generateMetadata = titled('audit.title');

/** Where each record's form labels its fields: the trail reuses them; audit.fields holds the rest. */
const FIELD_LABELS: Record<string, string[]> = {
  Activity: ['activities.fields'],
  AssistanceRequest: ['activities.requests', 'activities.fields'],
  LessonRecord: ['teaching.lessons'],
  Paper: ['teaching.papers'],
  MentorPair: ['teaching.mentoring'],
  MentorSession: ['teaching.mentoring'],
  Programme: ['teaching.programmes'],
  ProgrammeRecord: ['teaching.programmes'],
  AnnualPlan: ['teaching.annualPlans'],
  Pairing: ['pairings'],
  Kindergarten: ['kindergartens'],
  User: ['users'],
  Cycle: ['cycles'],
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'audit.view')) return denyAccess(user, { entityType: 'Page', path: '/audit' });
  const { action, before } = parseAuditFilters(await searchParams);
  const t = await getTranslations('audit');
  const all = await getTranslations();
  const format = await getFormatter();
  const [{ rows, nextBefore, names }, actions] = await Promise.all([listAuditEntries(user, { action, before }), listAuditActions(user)]);
  // Recorded actions are data; one without a label shows as recorded.
  const label = (a: string) => {
    const key = `actions.${a}`;
    return isMessageKey(t, key) ? t(key) : a;
  };
  // A field's label in the user's language where a catalogue has one; else the recorded name.
  const fieldLabel = (entityType: string, field: string) => {
    for (const ns of [...(FIELD_LABELS[entityType] ?? []), 'audit.fields']) {
      const key = `${ns}.${field}`;
      if (isMessageKey(all, key) && typeof all.raw(key) === 'string') return all(key);
    }
    return field;
  };
  return (
    <>
      <PageHeader title={t('title')}>
        {/* Wraps, and the select shrinks to the screen: English action names are long. */}
        <form className="flex max-w-full min-w-0 flex-wrap items-end gap-2">
          <div className="flex max-w-full min-w-0 flex-col gap-1">
            <label htmlFor="action" className="text-sm">
              {t('filterAction')}
            </label>
            <select
              id="action"
              name="action"
              defaultValue={action ?? ''}
              className="min-h-11 w-full max-w-full min-w-0 rounded-md border border-stone-400 bg-white px-2"
            >
              <option value="">{t('all')}</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {label(a)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="min-h-11 rounded-md border border-stone-400 bg-white px-3">
            {t('filter')}
          </button>
        </form>
      </PageHeader>
      <p className="mb-3 text-sm text-stone-600">{t('immutable')}</p>
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ScrollRegion label={t('title')} className="rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="p-2">
                  {t('time')}
                </th>
                <th scope="col" className="p-2">
                  {t('actor')}
                </th>
                <th scope="col" className="p-2">
                  {t('action')}
                </th>
                <th scope="col" className="p-2">
                  {t('entity')}
                </th>
                <th scope="col" className="p-2">
                  {t('details')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-t border-stone-200 align-top">
                  <td className="p-2 whitespace-nowrap tabular-nums">
                    {format.dateTime(r.at, {
                      year: 'numeric',
                      month: '2-digit',
                      day: '2-digit',
                      hour: '2-digit',
                      minute: '2-digit',
                      second: '2-digit',
                    })}
                  </td>
                  <td className="p-2">{r.actorName ?? t('system')}</td>
                  <td className="p-2">{label(r.action)}</td>
                  <td className="p-2 text-xs">
                    {r.entityType}
                    {r.entityId ? ` ${names[r.entityId] ?? r.entityId}` : ''}
                  </td>
                  <td className="p-2 text-xs break-all">
                    {auditChanges(r.before, r.after).map((c) => (
                      <div key={c.field}>
                        {c.field ? `${fieldLabel(r.entityType, c.field)}: ` : ''}
                        {'before' in c && 'after' in c
                          ? `${showValue(c.before, names)} → ${showValue(c.after, names)}`
                          : 'after' in c
                            ? showValue(c.after, names)
                            : `${t('before')} ${showValue(c.before, names)}`}
                      </div>
                    ))}
                    {r.ip && <div>IP {r.ip}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <nav className="mt-3 flex gap-4" aria-label={t('title')}>
        {before && (
          <Link className="min-h-11 underline" href={`/audit${action ? `?action=${encodeURIComponent(action)}` : ''}`}>
            {t('newer')}
          </Link>
        )}
        {nextBefore && (
          <Link
            className="min-h-11 underline"
            href={`/audit?${new URLSearchParams({ ...(action ? { action } : {}), before: nextBefore })}`}
          >
            {t('older')}
          </Link>
        )}
      </nav>
    </>
  );
}
