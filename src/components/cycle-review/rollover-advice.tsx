import Link from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/session';
import type { CycleRow } from '@/lib/cycles/queries';
import { adviceSettings } from '@/lib/cycle-review/advice';
import { getRolloverAdvice } from '@/lib/cycle-review/queries';
import type { AdviceKind, AdviceReason, Grade } from '@/lib/cycle-review/rules';
import { Card } from '@/components/ui/page-header';
import { academicYearName } from '@/components/cycles/current-period';
import { DecisionForm } from './decision-form';

const ADVICE_CLASS: Record<AdviceKind, string> = {
  CONTINUE: 'border-stone-400 bg-stone-50 text-stone-800',
  GRADUATE: 'border-brand-600 bg-brand-50 text-brand-800',
  CHANGE_SUPPORTER: 'border-amber-700 bg-amber-50 text-amber-900',
  LOOK_CLOSER: 'border-red-700 bg-red-50 text-red-900',
};

/**
 * The rollover screen's advice (decision 026): the rules with the city's thresholds, then each
 * pairing's two-year history, the advice with its reasons, and the county admin's decision.
 */
export async function RolloverAdvice({
  user,
  cycle,
  pairings,
}: {
  user: SessionUser;
  cycle: CycleRow;
  pairings: { id: string; assistedId: string; label: string }[];
}) {
  const [advice, settings, t, tc, format] = await Promise.all([
    getRolloverAdvice(user, cycle, pairings),
    adviceSettings(db, user),
    getTranslations('cycleReview'),
    getTranslations('cycles'),
    getFormatter(),
  ]);
  if (advice.size === 0) return null;
  const reason = (r: AdviceReason) =>
    r.key === 'gradeGood'
      ? t('advice.reasons.gradeGood', { grade: t(`grade.${r.values.grade as Grade}`) })
      : t(`advice.reasons.${r.key}`, r.values);
  return (
    <section className="mt-6 flex flex-col gap-3" aria-labelledby="advice-heading">
      <h2 id="advice-heading" className="text-lg font-semibold">
        {t('advice.heading')}
      </h2>
      <p className="max-w-3xl text-sm text-stone-700">{t('advice.intro')}</p>
      <Card>
        <h3 className="mb-1 font-semibold">{t('advice.rules')}</h3>
        <ul className="list-disc pl-5 text-sm text-stone-700" data-testid="advice-rules">
          <li>{t('advice.ruleLookCloser')}</li>
          <li>{t('advice.ruleGraduate', { share: Math.round(settings.semesterMetShare * 100) })}</li>
          <li>{t('advice.ruleChange', { share: Math.round(settings.missedShare * 100) })}</li>
          <li>{t('advice.ruleContinue')}</li>
          <li>{t('advice.rulePrecedence')}</li>
        </ul>
      </Card>
      <ul className="flex flex-col gap-3">
        {pairings.map((p) => {
          const a = advice.get(p.id);
          if (!a) return null;
          const { computed, stored } = a;
          return (
            <li key={p.id} id={`advice-${p.id}`} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="advice-item">
              <p className="font-medium">
                {p.label}{' '}
                <Link href={`/pairings/${p.id}/review`} className="text-sm font-normal text-brand-800 underline">
                  {t('advice.review')}
                </Link>
              </p>
              <p className="mt-1 text-sm text-stone-600">{t('advice.history')}</p>
              <ol className="mb-2 flex flex-wrap gap-2 text-xs">
                {a.history.map((s) => (
                  <li
                    key={s.key}
                    className={`rounded border px-2 py-1 ${
                      !s.verdict
                        ? 'border-stone-300 text-stone-600'
                        : s.verdict.allMet
                          ? 'border-brand-600 text-brand-800'
                          : 'border-amber-700 text-amber-900'
                    }`}
                  >
                    {t('semesterName', { year: academicYearName(tc, s.academicYear), term: t(`term.${s.term}`) })}：
                    {!s.closed
                      ? t('notClosed')
                      : !s.verdict
                        ? t('noneJudged')
                        : `${s.verdict.met}/${s.verdict.judged} ${s.verdict.allMet ? t('verdict.met') : s.verdict.supportingMissed ? t('verdict.supportingMissed') : t('verdict.some')}`}
                  </li>
                ))}
              </ol>
              <p
                className={`inline-block rounded-md border px-2 py-1 text-sm font-medium ${ADVICE_CLASS[computed.advice]}`}
                data-testid="advice-kind"
              >
                {t('advice.adviceIs', { advice: t(`advice.kind.${computed.advice}`) })}
              </p>
              <ul className="mt-1 list-disc pl-5 text-sm text-stone-800" data-testid="advice-reasons">
                {computed.reasons.map((r) => (
                  <li key={`${r.rule}-${r.key}`}>
                    {reason(r)}
                    {r.key === 'gradeGood' && a.gradeSource ? ` ${t(`advice.gradeFrom.${a.gradeSource}`)}` : ''}
                  </li>
                ))}
              </ul>
              {computed.applies.length > 1 && (
                <p className="mt-1 text-sm text-stone-600">
                  {t('advice.alsoApplies', {
                    rules: computed.applies
                      .slice(1)
                      .map((k) => t(`advice.kind.${k}`))
                      .join('、'),
                  })}
                </p>
              )}
              <div className="mt-2 rounded-md bg-stone-50 p-2 text-sm" data-testid="advice-decision">
                {stored?.decision ? (
                  <>
                    <p className="font-medium">
                      {t('advice.decidedBy', {
                        name: stored.decidedBy?.name ?? '—',
                        date: stored.decidedAt ? format.dateTime(stored.decidedAt, { dateStyle: 'medium' }) : '',
                        decision: t(`advice.kind.${stored.decision}`),
                      })}
                    </p>
                    <p className="text-stone-700">{t('advice.storedAdvice', { advice: t(`advice.kind.${stored.advice}`) })}</p>
                    {stored.decisionNote && <p className="text-stone-700">{t('advice.noteShown', { note: stored.decisionNote })}</p>}
                  </>
                ) : (
                  <p className="text-stone-700">{t('advice.noDecision')}</p>
                )}
              </div>
              <div className="mt-2">
                <DecisionForm
                  pairingId={p.id}
                  label={p.label}
                  advice={computed.advice}
                  stored={stored ? { decision: stored.decision, note: stored.decisionNote, version: stored.version } : null}
                />
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
