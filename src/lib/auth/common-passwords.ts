import 'server-only';
import { dictionary } from '@zxcvbn-ts/language-common';

// zxcvbn-ts's maintained list: ~49,000 passwords ranked by how often they appear in breach corpora
// (ASVS V6.2.4 asks for at least the 3,000 most common). It is built from English-language corpora
// and leaves out what zxcvbn finds by pattern instead (repeats, sequences), so password-rules.ts
// refuses those by shape, and the few Chinese favourites it lacks are added here.
const CHINESE_FAVOURITES = [
  '13145200',
  '52013145',
  '5201314520',
  '66668888',
  '88886666',
  '88888888a',
  'aini1314',
  'baby123456',
  'china123',
  'dearbook',
  'iloveyou520',
  'liuyang',
  'qq1234567',
  'qq5201314',
  'wangwei',
  'woaini123',
  'woaini1314',
  'woaini520',
  'woaiwojia',
  'xiaoming',
  'zhangwei',
];

let common: ReadonlySet<string> | null = null;

/** Built on first use: only the password forms need it, and only on the server. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set([...dictionary['passwords-common'], ...CHINESE_FAVOURITES]);
  return common;
}
