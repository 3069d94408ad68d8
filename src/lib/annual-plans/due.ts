/**
 * When a plan or summary is due, and the status the bureau sees. Pure: the city's date comes in.
 *
 * The seeds have plans and summaries reported to the city bureau "by the end of August": the plan of
 * academic year Y (starting in September Y) by Y-08-31, before the year starts; the summary of year Y
 * by (Y+1)-08-31, after it ends. The city admin may set other dates per year (AnnualPlanDueDate).
 */
import type { IsoDate } from '@/lib/time/date-only';

export type ReportKind = 'PLAN' | 'SUMMARY';
export type StoredStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'FILED';
/** What the bureau's list filters by. */
export type ReviewState = 'notSubmitted' | 'submitted' | 'returned' | 'filed' | 'overdue';
export const REVIEW_STATES: ReviewState[] = ['notSubmitted', 'submitted', 'returned', 'filed', 'overdue'];

export type DueDates = { planDueOn: IsoDate; summaryDueOn: IsoDate };

export function defaultDueDates(academicYear: number): DueDates {
  return { planDueOn: `${academicYear}-08-31`, summaryDueOn: `${academicYear + 1}-08-31` };
}

export function dueOn(dates: DueDates, kind: ReportKind): IsoDate {
  return kind === 'PLAN' ? dates.planDueOn : dates.summaryDueOn;
}

/**
 * Overdue = never submitted and the due date has passed in the city (the due day itself is still in
 * time). A returned one is not overdue: it was handed in on time and waits for its correction, which
 * the bureau follows through the "returned" filter.
 */
export function reviewState(status: StoredStatus, due: IsoDate, today: IsoDate): ReviewState {
  switch (status) {
    case 'SUBMITTED':
      return 'submitted';
    case 'RETURNED':
      return 'returned';
    case 'FILED':
      return 'filed';
    case 'DRAFT':
      return today > due ? 'overdue' : 'notSubmitted';
  }
}

/** The supporting director edits a part while it is a draft or was returned; submitted and filed ones are locked. */
export const isEditable = (status: StoredStatus) => status === 'DRAFT' || status === 'RETURNED';

/** A summary is written once the plan has been handed in (it need not be filed yet). */
export const planHandedIn = (planStatus: StoredStatus) => planStatus !== 'DRAFT';
