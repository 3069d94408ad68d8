import { describe, expect, it } from 'vitest';
import { ActivityInput, ConfirmInput, activityInputFromForm } from './schemas';

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

describe('activity form parsing', () => {
  it('pairs the parallel donation fields into lines and drops blank rows', () => {
    const raw = activityInputFromForm(
      form([
        ['lineItem', '绘本'],
        ['lineQuantity', '200'],
        ['lineUnit', '册'],
        ['lineValue', '4000'],
        ['lineItem', ''],
        ['lineQuantity', ''],
        ['lineUnit', ''],
        ['lineValue', ''],
        ['lineItem', '积木'],
        ['lineQuantity', '6'],
        ['lineUnit', '套'],
        ['lineValue', ''],
      ]),
    );
    expect(raw.donationLines).toEqual([
      { item: '绘本', quantity: '200', unit: '册', estimatedValue: '4000' },
      { item: '积木', quantity: '6', unit: '套', estimatedValue: '' },
    ]);
  });

  it('splits outside experts on new lines and Chinese or Latin commas', () => {
    const raw = activityInputFromForm(form([['outsideExperts', '王教授，李老师\n 张园长 、赵主任,']]));
    expect(raw.outsideExperts).toEqual(['王教授', '李老师', '张园长', '赵主任']);
  });

  it('reads class hours with a decimal comma and refuses quarters', () => {
    const base = {
      pairingId: 'p',
      type: 'SENT_LECTURE',
      direction: 'TO_ASSISTED',
      targetArea: 'TEACHERS',
      status: 'DONE',
      title: 't',
      startDate: '2026-03-05',
      startTime: '09:00',
    };
    expect(ActivityInput.parse({ ...base, classHours: '1,5' }).classHours).toBe(1.5);
    expect(ActivityInput.parse({ ...base, classHours: '' }).classHours).toBeNull();
    expect(ActivityInput.safeParse({ ...base, classHours: '0.25' }).success).toBe(false);
    expect(ActivityInput.safeParse({ ...base, startTime: '25:00' }).success).toBe(false);
  });

  it('asks a dispute for its reason, not a confirmation', () => {
    expect(ConfirmInput.safeParse({ id: 'a', version: '1', decision: 'CONFIRMED' }).success).toBe(true);
    expect(ConfirmInput.safeParse({ id: 'a', version: '1', decision: 'DISPUTED', comment: '  ' }).success).toBe(false);
  });
});
