import { z } from 'zod';
import { optionalId, optionalText, requiredId, requiredText, version } from '@/lib/schema-fields';

/** A draft: new (no id, with its closed period) or saved again (id and the version it was based on). */
export const BulletinInput = z.object({
  id: optionalId,
  version: version.optional(),
  closedPeriodId: requiredId,
  title: requiredText(200),
  body: optionalText(20000),
});

export const PublishInput = z.object({
  id: requiredId,
  version,
  /** The confirmation box: a published bulletin is read city-wide and never changes. */
  confirm: z.literal('on', { error: 'bulletins.publish.confirmRequired' }),
});
