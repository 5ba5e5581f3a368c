import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { KEY_HELP, shortcutFor } from './keyboard';

describe('keyboard shortcuts', () => {
  it('space toggles play, right arrow steps', () => {
    expect(shortcutFor(' ', { tagName: 'BODY' })).toBe('toggle-play');
    expect(shortcutFor('ArrowRight', { tagName: 'DIV' })).toBe('step');
    expect(shortcutFor('ArrowLeft', { tagName: 'DIV' })).toBe('step-back');
    expect(shortcutFor('a', { tagName: 'DIV' })).toBeNull();
    expect(shortcutFor('toString', { tagName: 'DIV' })).toBeNull();
  });
  it('has the presenter keys of CONTRACTS.md section 6', () => {
    const on = (key: string) => shortcutFor(key, { tagName: 'BODY' });
    expect(on('PageDown')).toBe('next-moment');
    expect(on('PageUp')).toBe('previous-moment');
    expect(on('b')).toBe('blank');
    expect(on('.')).toBe('blank');
    expect(on('Home')).toBe('reset');
    expect(on('f')).toBe('fullscreen');
    expect(on('+')).toBe('zoom-in');
    expect(on('=')).toBe('zoom-in');
    expect(on('-')).toBe('zoom-out');
    expect(on('0')).toBe('zoom-fit');
    expect(on('?')).toBe('help');
    expect(on('p')).toBe('presenter');
    expect(on('l')).toBe('legend');
  });
  it('leaves typing in fields alone', () => {
    expect(shortcutFor(' ', { tagName: 'INPUT' })).toBeNull();
    expect(shortcutFor('ArrowRight', { tagName: 'SELECT' })).toBeNull();
    expect(shortcutFor('b', { tagName: 'TEXTAREA' })).toBeNull();
    expect(shortcutFor('PageDown', { tagName: 'INPUT' })).toBeNull();
    expect(shortcutFor(' ', { tagName: 'DIV', isContentEditable: true })).toBeNull();
  });
  it('the help lists keys with messages that exist', () => {
    for (const k of KEY_HELP) expect(en[k.what]).toBeTruthy();
  });
});
