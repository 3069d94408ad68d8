import type { Figure } from '@/lib/effect-tests/evaluate';
import type { Translate } from '@/i18n/translator';

type T = Translate<'effectTests'>;
type F = { number: (n: number, o?: { style?: 'percent'; maximumFractionDigits?: number }) => string };

const pct = (format: F, v: number | null) => (v == null ? '—' : format.number(v, { style: 'percent', maximumFractionDigits: 0 }));

/** A result's figure in words, e.g. "9.5 / 10 课时（含 1 项未确认）". `t` is scoped to effectTests. */
export function figureText(t: T, format: F, f: Figure): { main: string; extra: string | null } {
  const n = (v: number) => format.number(v, { maximumFractionDigits: 1 });
  switch (f.kind) {
    case 'months':
      return {
        main: t('figure.months', { visited: n(f.visited), required: n(f.required), count: f.required }),
        extra: f.unconfirmed ? t('figure.unconfirmed', { count: f.unconfirmed }) : null,
      };
    case 'hours':
      return {
        main: t('figure.hours', { have: n(f.have), need: n(f.need) }),
        extra: f.unconfirmed ? t('figure.unconfirmed', { count: f.unconfirmed }) : null,
      };
    case 'count':
      return {
        main: t(`figure.${f.unit}`, { have: n(f.have), need: f.need }),
        extra: f.unconfirmed ? t(f.unit === 'papers' ? 'figure.unconfirmedPapers' : 'figure.unconfirmed', { count: f.unconfirmed }) : null,
      };
    case 'docs':
      return { main: t('figure.docs', { plan: f.planSubmitted ? 'yes' : 'no', complete: n(f.complete), done: n(f.done) }), extra: null };
    case 'rates':
      return {
        main: t('figure.rates', { excellent: pct(format, f.excellentRate), pass: pct(format, f.passRate) }),
        extra: f.notEvaluated ? t('figure.notEvaluated', { count: f.notEvaluated }) : null,
      };
    case 'programme':
      return {
        main: t('figure.programme', { plan: f.hasPlan ? 'yes' : 'no', records: f.records, results: f.hasResults ? 'yes' : 'no' }),
        extra: null,
      };
    case 'assessment':
      return { main: t('figure.assessment', { source: f.source, on: f.on, outcome: f.outcome }), extra: null };
    case 'none':
      return { main: t('figure.none'), extra: null };
  }
}

export function semesterLabel(t: T, s: { academicYear: number; term: string }, short = false) {
  return t(short ? 'semesterShort' : 'semesterLabel', { year: String(s.academicYear), next: String(s.academicYear + 1), term: s.term });
}

/** The figure on one line, with its note in the language's own brackets. */
export function figureLine(t: T, format: F, f: Figure): string {
  const { main, extra } = figureText(t, format, f);
  return extra ? t('figure.withExtra', { main, extra }) : main;
}

/**
 * A table of thousands of results formats the same few figures over and over ("2 / 2 场"): each
 * distinct message and number is formatted once per request (ICU formatting dominated the city
 * export's time). `t` and `format` as next-intl gives them; the same shapes come back.
 */
export function memoizeFormatting(t: T, format: F): { t: T; format: F } {
  const texts = new Map<string, string>();
  const numbers = new Map<string, string>();
  return {
    t: (key, values) => {
      const k = values ? `${key}\u0000${JSON.stringify(values)}` : key;
      let v = texts.get(k);
      if (v === undefined) texts.set(k, (v = t(key, values)));
      return v;
    },
    format: {
      number: (n, o) => {
        const k = `${n}\u0000${o?.style ?? ''}\u0000${o?.maximumFractionDigits ?? ''}`;
        let v = numbers.get(k);
        if (v === undefined) numbers.set(k, (v = format.number(n, o)));
        return v;
      },
    },
  };
}
