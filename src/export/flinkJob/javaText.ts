// Spelling things in Java source: string literals, identifiers, class names.

/** A Java string literal holding exactly `text` (any character, escaped where Java needs it). */
export function javaString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0xffff)) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else if (c > 0xffff) {
      // a surrogate pair, each half as \uXXXX
      const hi = Math.floor((c - 0x10000) / 0x400) + 0xd800;
      const lo = ((c - 0x10000) % 0x400) + 0xdc00;
      out += `\\u${hi.toString(16)}\\u${lo.toString(16)}`;
    } else out += ch;
  }
  return `${out}"`;
}

/** Text for a `//` or `/* *\/` comment: one line, no comment terminator, no unicode escapes Java would decode. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').replace(/\*\//g, '* /').replace(/\\u/g, '\\ u').replace(/[^\x20-\x7e\u00a0-\uffff]/g, '?');
}

/** lower-case-with-dashes → lowerCamelCase (scenario and operator ids are [a-z][a-z0-9-]*). */
export function camelCase(id: string): string {
  return id.replace(/-+([a-z0-9])/g, (_, c: string) => c.toUpperCase()).replace(/-/g, '');
}

export function pascalCase(id: string): string {
  const camel = camelCase(id);
  return camel.charAt(0).toUpperCase() + camel.slice(1);
}

/** A Java double literal for a finite number. */
export function javaDouble(n: number): string {
  const text = String(n);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** A Java long literal for a safe integer. */
export function javaLong(n: number): string {
  return `${n}L`;
}
