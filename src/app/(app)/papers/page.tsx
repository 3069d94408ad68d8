import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { requireUser } from '@/lib/session';
import { hasPermission } from '@/lib/authz';
import { listPapers } from '@/lib/papers/queries';
import { isoOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { Icon } from '@/components/activities/badges';
import { SavedNote } from '@/components/form/saved-note';
import { ConfirmPaperButton } from '@/components/papers/confirm-paper-button';
import { EvidencePanel } from '@/components/evidence/evidence-panel';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.papers.title');

export default async function PapersPage({ searchParams }: { searchParams: Promise<{ saved?: string }> }) {
  const user = await requireUser();
  const { saved } = await searchParams;
  const t = await getTranslations('teaching');
  const rows = await listPapers(user, db);
  return (
    <>
      <PageHeader title={t('papers.title')}>
        {hasPermission(user, 'paper.create') && user.kindergartenId && (
          <Link
            href="/papers/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white"
          >
            + {t('papers.new')}
          </Link>
        )}
      </PageHeader>
      <SavedNote show={!!saved} />
      {rows.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid gap-2 lg:grid-cols-2">
          {rows.map((p) => (
            <li key={p.id} id={`paper-${p.id}`} className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-3 shadow-sm">
              <span className="text-xs text-stone-600">
                {isoOf(p.date)} · {t(`papers.kinds.${p.kind}`)} · {t(`papers.levels.${p.level}`)}
                {p.award ? ` · ${p.award}` : ''}
              </span>
              <span className="font-medium">{p.title}</span>
              <span className="text-sm text-stone-600">
                {p.author} · {p.kindergarten} · {p.venue}
              </span>
              {p.files.length > 0 ? (
                <ul className="text-sm" aria-label={t('papers.certificate')}>
                  {p.files.map((f) => (
                    <li key={f.id}>
                      <a
                        href={`/api/files/${f.id}`}
                        target="_blank"
                        rel="noopener"
                        className="inline-flex min-h-8 items-center break-all text-brand-800 underline"
                      >
                        {f.name}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : (
                <>
                  <span className="text-sm italic text-stone-600">{t('papers.noCertificate')}</span>
                  {/* Where it says the certificate is missing, its author uploads it (not only through 修改). */}
                  {p.canEdit && <EvidencePanel target="paper" recordId={p.id} items={[]} canAttach hideEmpty />}
                </>
              )}
              {p.confirmedAt ? (
                <span className="inline-flex w-fit items-center gap-1 rounded-full border border-emerald-700 bg-emerald-50 px-2 py-0.5 text-xs text-emerald-900">
                  <Icon name="check" className="size-3.5" />
                  {t('papers.confirmed')}
                  {p.confirmedBy ? ` · ${p.confirmedBy}` : ''}
                </span>
              ) : (
                <span className="inline-flex w-fit items-center gap-1 rounded-full border border-stone-500 px-2 py-0.5 text-xs text-stone-800">
                  <Icon name="clock" className="size-3.5" />
                  {t('papers.unconfirmed')}
                </span>
              )}
              {p.canConfirm && <ConfirmPaperButton id={p.id} version={p.version} title={p.title} />}
              {p.canEdit && (
                <Link
                  href={`/papers/${p.id}/edit`}
                  className="inline-flex min-h-11 w-fit items-center rounded-md border border-stone-400 bg-white px-4 text-sm"
                >
                  {t('edit')}
                  <span className="sr-only">: {p.title}</span>
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
