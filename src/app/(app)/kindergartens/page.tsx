import { getFormatter, getTranslations } from 'next-intl/server';
import { denyAccess, requireUser } from '@/lib/session';
import { scopeRuleFor } from '@/lib/authz';
import { listKindergartens } from '@/lib/kindergartens/queries';
import { PageHeader } from '@/components/ui/page-header';

export default async function KindergartensPage() {
  const user = await requireUser();
  if (!['city', 'county'].includes(scopeRuleFor(user, 'kindergarten.view') ?? '')) await denyAccess(user, { entityType: 'Page', path: '/kindergartens' });
  const t = await getTranslations();
  const format = await getFormatter();
  const rows = await listKindergartens(user);
  const n = (v: number) => format.number(v);
  return (
    <>
      <PageHeader title={t('kindergartens.title')} />
      <p className="mb-2 text-sm text-stone-600">{t('kindergartens.count', { count: rows.length })} · {t('kindergartens.note')}</p>
      {rows.length === 0 ? (
        <p>{t('kindergartens.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full min-w-[48rem] text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                {['code', 'name', 'county', 'area', 'level', 'classes', 'children', 'teachers', 'staff'].map((k) => (
                  <th key={k} scope="col" className="p-2">{t(`kindergartens.${k}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.id} className="border-t border-stone-200">
                  <td className="p-2 font-mono text-xs">{k.code}</td>
                  <td className="p-2">{k.name}</td>
                  <td className="p-2">{k.county.name}</td>
                  <td className="p-2">{t(`area.${k.area}`)}</td>
                  <td className="p-2">{t(`level.${k.level}`)}</td>
                  <td className="p-2 tabular-nums">{n(k.classCount)}</td>
                  <td className="p-2 tabular-nums">{n(k.childCount)}</td>
                  <td className="p-2 tabular-nums">{n(k.teacherCount)}</td>
                  <td className="p-2 tabular-nums">{n(k.staffCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
