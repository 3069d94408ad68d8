/** What the activity form shows again after a failed or kept send: repeated fields as the server action keeps them. */
export function activityFormValues(fd: FormData) {
  const values: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === 'string' && !k.startsWith('$')) values[k] = v;
  values.participantIds = fd.getAll('participantIds').join(',');
  const all = (k: string) => fd.getAll(k).map(String);
  const [items, quantities, units, worth] = [all('lineItem'), all('lineQuantity'), all('lineUnit'), all('lineValue')];
  values.donationLines = JSON.stringify(
    items.map((item, i) => ({ item, quantity: quantities[i] ?? '', unit: units[i] ?? '', estimatedValue: worth[i] ?? '' })),
  );
  for (const k of ['lineItem', 'lineQuantity', 'lineUnit', 'lineValue']) delete values[k];
  return values;
}
