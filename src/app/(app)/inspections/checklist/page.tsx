import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { ensureChecklist } from '@/lib/inspections/commands';
import { listChecklist } from '@/lib/inspections/queries';
import { PageHeader } from '@/components/ui/page-header';
import { SavedNote } from '@/components/form/saved-note';
import { ChecklistItemControls, ChecklistItemForm } from '@/components/inspections/checklist-forms';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('inspections.checklist.title');

/** The city's checklist: new inspections copy its active items in this order; inspections made keep their own copy. */
export default async function ChecklistPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  if (!hasPermission(user, 'checklist.manage'))
    return denyAccess(user, { entityType: 'ChecklistTemplateItem', path: '/inspections/checklist' });
  const { saved } = await searchParams;
  // A city that has never used the checklist starts from the seeds' items.
  await ensureChecklist(user, db);
  const [items, t] = await Promise.all([listChecklist(db), getTranslations('inspections')]);
  return (
    <>
      <Link href="/inspections" className="text-sm text-brand-800 underline">
        ← {t('title')}
      </Link>
      <PageHeader title={t('checklist.title')} />
      <p className="mb-3 max-w-3xl text-sm text-stone-700">{t('checklist.intro')}</p>
      <SavedNote show={!!saved} />
      <ol className="mb-6 flex max-w-3xl flex-col gap-3" data-testid="checklist">
        {items.map((it, n) => (
          <li
            key={it.id}
            id={`item-${it.id}`}
            className={`scroll-mt-4 rounded-lg border p-3 shadow-sm ${it.active ? 'border-stone-200 bg-white' : 'border-dashed border-stone-300 bg-stone-50'}`}
          >
            <p className="mb-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
              <span className="tabular-nums">{n + 1}.</span>
              {!it.active && <span className="rounded border border-stone-400 px-1 text-xs">{t('checklist.inactive')}</span>}
              {it.countsForA1 && <span className="rounded border border-sky-700 px-1 text-xs text-sky-900">{t('item.a1Tag')}</span>}
            </p>
            <ChecklistItemForm
              key={it.updatedAt.toISOString()}
              item={{ id: it.id, title: it.title, titleEn: it.titleEn, countsForA1: it.countsForA1, stamp: it.updatedAt.toISOString() }}
            />
            <ChecklistItemControls id={it.id} active={it.active} first={n === 0} last={n === items.length - 1} />
          </li>
        ))}
      </ol>
      <section className="max-w-3xl rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
        <h2 className="mb-2 font-semibold">{t('checklist.add')}</h2>
        <ChecklistItemForm item={null} />
      </section>
    </>
  );
}
