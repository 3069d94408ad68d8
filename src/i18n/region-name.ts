/** A county's or city's name in the page's language: the English name when there is one. */
export function regionName(r: { name: string; nameEn?: string | null }, locale: string) {
  return locale === 'en' ? r.nameEn || r.name : r.name;
}
