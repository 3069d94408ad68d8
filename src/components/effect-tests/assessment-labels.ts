/**
 * The A1 form's words, translated by the page (effectTests.assessment) and passed as props. Kept
 * out of the 'use client' form module: a server component importing a value from one gets a
 * client reference, not the value.
 */
export const ASSESSMENT_LABELS = ['inspect', 'attest', 'outcome', 'PASS', 'FAIL', 'date', 'notes', 'evidence', 'save'] as const;
export type AssessmentLabels = Record<(typeof ASSESSMENT_LABELS)[number], string>;
