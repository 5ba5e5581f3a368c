import { describe, expect, it } from 'vitest';
import { coversAny, firstUrl, parseUnicodeRange } from './ExportPictureFonts';
import { pictureName } from './ExportPictureName';

describe('export picture', () => {
  it('names the file after the scenario and the moment', () => {
    expect(pictureName('two-inputs', 12_345.7, 'png')).toBe('checkpoint-lab-two-inputs-t12_346s.png');
    expect(pictureName('../../etc/passwd', 0, 'svg')).toBe('checkpoint-lab-etc-passwd-t0_000s.svg');
    expect(pictureName('', 1000, 'svg')).toBe('checkpoint-lab-scenario-t1_000s.svg');
  });

  it('keeps only the font pieces that draw the characters shown', () => {
    const hangul = parseUnicodeRange('U+AC00-AC7F, U+D55C');
    expect(hangul).toEqual([[0xac00, 0xac7f], [0xd55c, 0xd55c]]);
    expect(coversAny(hangul, 'Keyed Count (1/2)')).toBe(false);
    expect(coversAny(hangul, '키 한')).toBe(true);
    expect(parseUnicodeRange('U+4??')).toEqual([[0x400, 0x4ff]]);
    expect(coversAny([], 'anything')).toBe(true);
    expect(firstUrl('url("./a.woff2") format("woff2"), url(./a.woff) format("woff")')).toBe('./a.woff2');
    expect(firstUrl('local(Arial)')).toBeNull();
  });
});
