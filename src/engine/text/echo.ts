// Messages repeat what the user gave (an id, a key, a value) so they can find it; a hostile or
// careless input must not turn that echo into megabytes, or into text that rewrites the terminal
// or the page's reading order.

/** How many characters of a user's string a message repeats. */
export const ECHO_MAX_CHARS = 40;

/** C0 and C1 controls, DEL, line/paragraph separators and the bidirectional overrides. */
function isControl(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0x2028 || cp === 0x2029
    || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0xfeff;
}

const NAMED: Record<number, string> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r' };

function escaped(cp: number): string {
  return NAMED[cp] ?? `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * A user's string as a message may show it: control characters escaped, at most `max` characters
 * kept and "…" after a cut. Reads only as far as it needs, however long the input.
 */
export function echo(value: string | number | boolean, max = ECHO_MAX_CHARS): string {
  const text = String(value);
  let out = '';
  let shown = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const piece = isControl(cp) ? escaped(cp) : ch;
    if (shown + 1 > max) return `${out}…`;
    out += piece;
    shown++;
  }
  return out;
}

/** `echo` in double quotes, the way messages name ids, keys and values. */
export function quote(value: string | number | boolean, max = ECHO_MAX_CHARS): string {
  return `"${echo(value, max)}"`;
}
