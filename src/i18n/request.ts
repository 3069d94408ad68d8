import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './locales';
import { loadMessages } from './catalogue';
import { db } from '@/lib/db';
import { cityTimeZone } from '@/lib/time/city-zone';

export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return {
    locale,
    messages: await loadMessages(locale),
    // Dates formatted for people read the city's wall clock, the zone every stored date was typed in.
    timeZone: await cityTimeZone(db),
  };
});
