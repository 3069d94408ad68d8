/**
 * The part of ICU message formatting the catalogues use — `{name}`, `{n, number}`, `{n, plural, …}`
 * with `#` and `=n`, `{x, select, …}`, apostrophe quoting — for the browser. next-intl's client
 * formats with intl-messageformat, whose parser and locale data were 9.5 KB gzip of every form's
 * first load (docs/performance.md); the server keeps next-intl. message-format.test.ts formats
 * every message of both catalogues both ways and expects the same text.
 */
type Options = Record<string, Node[]>;
type Node = string | { pound: true } | { arg: string; type?: 'number' | 'plural' | 'select'; options?: Options };

const cache = new Map<string, Node[]>();

function parse(message: string): Node[] {
  let i = 0;
  const fail = (): never => {
    throw new Error(`Unsupported message syntax at ${i}: ${message}`);
  };
  const space = () => {
    while (/\s/.test(message[i] ?? '')) i++;
  };
  const word = () => {
    space();
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i])) i++;
    if (i === start) fail();
    return message.slice(start, i);
  };
  // Text and arguments up to an unmatched `}` (the end of a plural or select branch) or the end.
  const nodes = (plural: boolean): Node[] => {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push(text);
      text = '';
    };
    while (i < message.length) {
      const c = message[i];
      if (c === '}') break;
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") {
          text += "'";
          i += 2;
        } else if (next === '{' || next === '}' || (plural && next === '#')) {
          // Quoted literal text up to the next lone apostrophe.
          i++;
          while (i < message.length) {
            if (message[i] === "'" && message[i + 1] === "'") {
              text += "'";
              i += 2;
            } else if (message[i] === "'") {
              i++;
              break;
            } else text += message[i++];
          }
        } else {
          text += c;
          i++;
        }
      } else if (c === '#' && plural) {
        flush();
        out.push({ pound: true });
        i++;
      } else if (c === '{') {
        flush();
        i++;
        out.push(argument());
      } else {
        text += c;
        i++;
      }
    }
    flush();
    return out;
  };
  const argument = (): Node => {
    const arg = word();
    space();
    if (message[i] === '}') {
      i++;
      return { arg };
    }
    if (message[i] !== ',') fail();
    i++;
    const type = word();
    space();
    if (type === 'number') {
      if (message[i] !== '}') fail();
      i++;
      return { arg, type: 'number' };
    }
    if (type !== 'plural' && type !== 'select') fail();
    if (message[i] !== ',') fail();
    i++;
    const options: Options = {};
    for (;;) {
      space();
      if (message[i] === '}') {
        i++;
        break;
      }
      const key = word();
      space();
      if (message[i] !== '{') fail();
      i++;
      options[key] = nodes(type === 'plural');
      if (message[i] !== '}') fail();
      i++;
    }
    if (!options.other) fail();
    return { arg, type: type as 'plural' | 'select', options };
  };
  const out = nodes(false);
  if (i !== message.length) fail();
  return out;
}

export type Values = Record<string, string | number | boolean | Date | null | undefined>;

export function formatMessage(message: string, values: Values | undefined, locale: string): string {
  // As intl-messageformat: a message without arguments or quotes is itself.
  if (!/[{}']/.test(message)) return message;
  let parsed = cache.get(message);
  if (!parsed) cache.set(message, (parsed = parse(message)));
  const number = (n: number) => new Intl.NumberFormat(locale).format(n);
  const value = (arg: string) => {
    if (!values || !(arg in values)) throw new Error(`No value for {${arg}}`);
    return values[arg];
  };
  const run = (list: Node[], pound: number | null): string =>
    list
      .map((n) => {
        if (typeof n === 'string') return n;
        if ('pound' in n) return pound === null ? '#' : number(pound);
        const v = value(n.arg);
        if (!n.type) return v === null || v === undefined || v === false ? '' : String(v);
        if (n.type === 'number') return number(Number(v));
        const options = n.options ?? {};
        if (n.type === 'select') return run(options[String(v)] ?? options.other, pound);
        const count = Number(v);
        const branch = options[`=${count}`] ?? options[new Intl.PluralRules(locale).select(count)] ?? options.other;
        return run(branch, count);
      })
      .join('');
  return run(parsed, null);
}
