// Reading lz-string's URL-safe compressed text (`compressToEncodedURIComponent`) with a bound on
// what it expands to. LZ78-style codes can describe a very long text in a short link, and the
// library's own decoder builds all of it before anyone can look at its length: this one stops as
// soon as the text would pass the bound.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const DIGIT = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** Bits of the link text, six per character, most significant first, handed out low bit first. */
class BitReader {
  private pos = 0;
  private digit = 0;
  private mask = 0;
  constructor(private readonly text: string) {}
  read(bits: number): number | null {
    let value = 0;
    for (let i = 0; i < bits; i++) {
      if (this.mask === 0) {
        if (this.pos >= this.text.length) return null;
        const d = DIGIT.get(this.text[this.pos++]);
        if (d === undefined) return null;
        this.digit = d;
        this.mask = 32;
      }
      if (this.digit & this.mask) value += 2 ** i;
      this.mask >>= 1;
    }
    return value;
  }
}

export type LinkText = { text: string } | { damaged: true } | { tooLong: true };
const DAMAGED: LinkText = { damaged: true };

/** The text the link carries, unless it is damaged or longer than `maxChars`. */
export function decompressLinkText(link: string, maxChars: number): LinkText {
  // URLSearchParams turns the alphabet's "+" into a space
  const bits = new BitReader(link.replace(/ /g, '+'));
  // codes 0 and 1 bring a new 8- or 16-bit character, 2 ends the text, 3 on name phrases
  const phrases: string[] = [];
  let next = 3;
  let width = 2;
  let untilWider = 4;
  const grow = () => {
    if (--untilWider === 0) untilWider = 2 ** width++;
  };
  const literal = (code: number | null): string | null => {
    if (code !== 0 && code !== 1) return null;
    const ch = bits.read(code === 0 ? 8 : 16);
    return ch === null ? null : String.fromCharCode(ch);
  };

  const first = bits.read(2);
  if (first === 2) return { text: '' };
  const start = literal(first);
  if (start === null) return DAMAGED;
  phrases[next++] = start;
  width = 3;
  let previous = start;
  const out = [start];
  let length = start.length;
  for (;;) {
    let code = bits.read(width);
    if (code === null) return DAMAGED;
    if (code === 2) return { text: out.join('') };
    if (code === 0 || code === 1) {
      const ch = literal(code);
      if (ch === null) return DAMAGED;
      code = next;
      phrases[next++] = ch;
      grow();
    }
    let phrase: string;
    if (code < next && code >= 3) phrase = phrases[code];
    else if (code === next) phrase = previous + previous[0];
    else return DAMAGED;
    length += phrase.length;
    if (length > maxChars) return { tooLong: true };
    out.push(phrase);
    phrases[next++] = previous + phrase[0];
    grow();
    previous = phrase;
  }
}
