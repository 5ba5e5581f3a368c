// The @font-face rules a picture of the graph needs, with their fonts inlined. html-to-image would
// inline every piece of every web font the graph names: for Noto Sans KR that is some 120 files
// fetched (and, offline, most of them missing). Only the pieces whose unicode-range holds a
// character the graph shows are needed; a page in English needs none.

/** `U+AC00-AC7F, U+AD6D, U+4??` as [from, to] code point pairs; an unreadable part is left out */
export function parseUnicodeRange(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9A-F?]{1,6})(?:-([0-9A-F]{1,6}))?\s*$/i.exec(part);
    if (!m) continue;
    if (m[1].includes('?')) out.push([parseInt(m[1].replace(/\?/g, '0'), 16), parseInt(m[1].replace(/\?/g, 'F'), 16)]);
    else out.push([parseInt(m[1], 16), parseInt(m[2] ?? m[1], 16)]);
  }
  return out;
}

export function coversAny(ranges: [number, number][], text: string): boolean {
  if (!ranges.length) return true; // no unicode-range: the face serves every character
  for (const ch of new Set(text)) {
    const c = ch.codePointAt(0)!;
    if (ranges.some(([a, b]) => c >= a && c <= b)) return true;
  }
  return false;
}

/** the first url(...) of a src descriptor */
export function firstUrl(src: string): string | null {
  return /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(src)?.[1] ?? null;
}

function faceRules(doc: Document): CSSFontFaceRule[] {
  const rules: CSSFontFaceRule[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    let list: CSSRuleList;
    try {
      list = sheet.cssRules;
    } catch {
      continue; // another origin's stylesheet: not ours to read
    }
    for (const rule of Array.from(list)) if (rule instanceof CSSFontFaceRule) rules.push(rule);
  }
  return rules;
}

function asDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the font could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** CSS with the page's own font faces that draw `text`, their files inlined; a face that fails to load is left out. */
export async function fontCssFor(doc: Document, text: string): Promise<string> {
  const css: string[] = [];
  for (const rule of faceRules(doc)) {
    const src = rule.style.getPropertyValue('src');
    if (!coversAny(parseUnicodeRange(rule.style.getPropertyValue('unicode-range')), text)) continue;
    const url = firstUrl(src);
    if (!url || url.startsWith('data:')) {
      css.push(rule.cssText);
      continue;
    }
    const resolved = new URL(url, rule.parentStyleSheet?.href ?? doc.baseURI);
    if (resolved.origin !== new URL(doc.baseURI).origin) continue;
    try {
      const response = await fetch(resolved);
      if (!response.ok) continue;
      const data = await asDataUrl(await response.blob());
      css.push(rule.cssText.replace(src, `url("${data}")`));
    } catch {
      // offline and not cached: the picture falls back to the system's font for these characters
    }
  }
  return css.join('\n');
}
