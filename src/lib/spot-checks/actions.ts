'use server';
import { db } from '@/lib/db';
import { runAction } from '@/lib/action';
import type { ActionState } from '@/lib/action-state';
import { checkSpotCheckItem, drawSpotCheck } from './commands';

export async function drawSpotCheckAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => drawSpotCheck(user, input, db),
    entity: { type: 'SpotCheck', idField: 'countyId' },
    revalidate: ['/spot-checks'],
    redirect: (s) => `/spot-checks/${s.id}?drawn=1`,
  });
}

export async function checkSpotCheckItemAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, {
    command: (user, input) => checkSpotCheckItem(user, input, db),
    entity: { type: 'SpotCheckItem' },
    revalidate: (r) => ['/spot-checks', `/spot-checks/${r.spotCheckId}`],
    redirect: (r) => `/spot-checks/${r.spotCheckId}?saved=1#item-${r.id}`,
  });
}
