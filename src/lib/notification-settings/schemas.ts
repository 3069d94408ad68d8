import { z } from 'zod';
import { requiredId } from '@/lib/schema-fields';
import { isWebhookUrl } from '@/lib/webhooks/post';
import { PREFERENCE_KINDS } from './kinds';

const kind = z.string().refine((k) => PREFERENCE_KINDS.includes(k), { error: 'notifications.settings.unknownKind' });

/** A person's choices: the kinds and channels ticked; every other kind of the form is off. */
export const PreferencesInput = z.object({
  inApp: z.array(kind).max(PREFERENCE_KINDS.length),
  email: z.array(kind).max(PREFERENCE_KINDS.length),
});

export const MandatoryKindsInput = z.object({ kinds: z.array(kind).max(PREFERENCE_KINDS.length) });

export const CountyWebhookInput = z.object({
  countyId: requiredId,
  webhookUrl: z
    .string()
    .trim()
    .max(1000)
    .refine((u) => u === '' || isWebhookUrl(u), { error: 'notifications.settings.invalidUrl' }),
});

/** Checkbox forms send only what is ticked: `inApp`/`email` (or `kinds`) repeated, one value per kind. */
export function preferencesFromForm(formData: FormData) {
  return { inApp: formData.getAll('inApp'), email: formData.getAll('email') };
}

export function mandatoryFromForm(formData: FormData) {
  return { kinds: formData.getAll('kinds') };
}
