import type { ChecklistResult, InspectionGrade, InspectionStatus } from '@/generated/prisma/enums';

const GRADE_STYLE: Record<InspectionGrade, string> = {
  EXCELLENT: 'border-emerald-500 bg-emerald-50 text-emerald-900',
  GOOD: 'border-sky-400 bg-sky-50 text-sky-900',
  PASS: 'border-stone-400 bg-stone-50 text-stone-800',
  FAIL: 'border-red-500 bg-red-50 text-red-900',
};

export const RESULT_STYLE: Record<ChecklistResult, string> = {
  MEETS: 'border-emerald-600 bg-emerald-50 text-emerald-900',
  PARTLY: 'border-amber-500 bg-amber-50 text-amber-950',
  FAILS: 'border-red-600 bg-red-50 text-red-900',
  NOT_APPLICABLE: 'border-stone-400 bg-stone-50 text-stone-700',
};

const STATUS_STYLE: Record<InspectionStatus, string> = {
  DRAFT: 'border-amber-400 bg-amber-50 text-amber-900',
  RECORDED: 'border-emerald-400 bg-emerald-50 text-emerald-900',
};

const pill = 'inline-flex items-center rounded-full border px-2 text-xs font-medium';

/** The grade in words (never by colour alone). */
export function GradeBadge({ grade, label }: { grade: InspectionGrade; label: string }) {
  return (
    <span className={`${pill} ${GRADE_STYLE[grade]}`} data-grade={grade}>
      {label}
    </span>
  );
}

export function ResultBadge({ result, label }: { result: ChecklistResult; label: string }) {
  return (
    <span className={`${pill} ${RESULT_STYLE[result]}`} data-result={result}>
      {label}
    </span>
  );
}

export function InspectionStatusBadge({ status, label }: { status: InspectionStatus; label: string }) {
  return (
    <span className={`${pill} ${STATUS_STYLE[status]}`} data-status={status}>
      {label}
    </span>
  );
}
