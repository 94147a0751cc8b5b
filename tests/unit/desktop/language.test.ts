import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWindowLanguage, saveWindowLanguage } from '../../../electron/desktop/language.ts';
import { MENU_WORDS } from '../../../electron/desktop/menu-words.ts';
import { WINDOW_LANGUAGES } from '../../../shared/languages.ts';
import { CATALOGUES } from '../../../renderer/src/i18n/index.ts';
import { tempDir } from '../../helpers/paths.ts';

describe("the window's language on the desktop", () => {
  it('keeps the language the person chose for the next start, and none when the system’s is followed', () => {
    const file = path.join(tempDir(), 'window-language.json');
    expect(loadWindowLanguage(file)).toBeNull();
    saveWindowLanguage(file, 'ar');
    expect(loadWindowLanguage(file)).toBe('ar');
    saveWindowLanguage(file, null);
    expect(fs.existsSync(file)).toBe(false);
    expect(loadWindowLanguage(file)).toBeNull();
  });

  it('starts in no language it does not speak, from a damaged or foreign file', () => {
    const file = path.join(tempDir(), 'window-language.json');
    fs.writeFileSync(file, '{"language": "fr"}');
    expect(loadWindowLanguage(file)).toBeNull();
    fs.writeFileSync(file, '{"langu');
    expect(loadWindowLanguage(file)).toBeNull();
  });

  it('speaks every language the window speaks in its menu, each word its own', () => {
    // The desktop's languages are the window's.
    expect([...WINDOW_LANGUAGES].sort()).toEqual(Object.keys(CATALOGUES).sort());
    for (const language of WINDOW_LANGUAGES) {
      const words = MENU_WORDS[language];
      expect(Object.keys(words).sort()).toEqual(Object.keys(MENU_WORDS.en).sort());
      for (const [key, word] of Object.entries(words)) {
        expect(word.trim(), `${language} ${key}`).not.toBe('');
        if (language !== 'en') expect(word, `${language} ${key}`).not.toBe(MENU_WORDS.en[key as keyof typeof words]);
      }
      // The menus that open with Alt keep a letter to open them with.
      expect(words.file.includes('&') && words.view.includes('&')).toBe(true);
      expect(words.aboutDetail).toContain('{folder}');
    }
  });
});
