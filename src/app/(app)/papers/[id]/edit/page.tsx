import { getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import { denyAccess, requireUser } from '@/lib/session';
import { getPaper } from '@/lib/papers/queries';
import { updatePaperAction } from '@/lib/papers/actions';
import { isoOf } from '@/lib/time/date-only';
import { PageHeader } from '@/components/ui/page-header';
import { RecordForm } from '@/components/form/record-form';
import { paperFields } from '@/components/papers/paper-fields';
import { EvidenceCard } from '@/components/evidence/evidence-card';
import { titled } from '@/i18n/page-title';

export const generateMetadata = titled('teaching.papers.title');

export default async function EditPaperPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const p = await getPaper(user, id, db);
  if (!p || !p.canEdit) return denyAccess(user, { entityType: 'Paper', entityId: id, path: `/papers/${id}/edit` });
  const t = await getTranslations('teaching.papers');
  const ts = await getTranslations('teaching');
  const values = {
    id: p.id,
    version: String(p.version),
    title: p.title,
    kind: p.kind,
    venue: p.venue,
    level: p.level,
    award: p.award,
    date: isoOf(p.date),
  };
  return (
    <>
      <PageHeader title={p.title} />
      <RecordForm action={updatePaperAction} submitLabel={ts('save')} pendingLabel={ts('saving')} fields={paperFields(t, values)} />
      <div className="mt-4 max-w-xl">
        <EvidenceCard user={user} target="paper" id={p.id} />
      </div>
    </>
  );
}
