import { describe, expect, it } from 'vitest';
import { shortcutFor } from './keyboard';

describe('keyboard shortcuts', () => {
  it('space toggles play, right arrow steps', () => {
    expect(shortcutFor(' ', { tagName: 'BODY' })).toBe('toggle-play');
    expect(shortcutFor('ArrowRight', { tagName: 'DIV' })).toBe('step');
    expect(shortcutFor('ArrowLeft', { tagName: 'DIV' })).toBe('step-back');
    expect(shortcutFor('a', { tagName: 'DIV' })).toBeNull();
  });
  it('leaves typing in fields alone', () => {
    expect(shortcutFor(' ', { tagName: 'INPUT' })).toBeNull();
    expect(shortcutFor('ArrowRight', { tagName: 'SELECT' })).toBeNull();
    expect(shortcutFor(' ', { tagName: 'DIV', isContentEditable: true })).toBeNull();
  });
});
