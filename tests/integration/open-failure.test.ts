/**
 * The app cannot open its library as it starts: the box the person sees says why and what to do in the
 * language the window last spoke (or the system's), then names the folder. Real failures, not made-up
 * errors: a library written by a newer Casebinder, a database file overwritten with random bytes (a bad
 * file nobody here wrote), another program's database.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFailure, startupLanguage } from '../../electron/desktop/open-failure.ts';
import { LATEST_VERSION } from '../../electron/library/migrations/index.ts';
import { Library } from '../../electron/library/library.ts';
import { libraryFromTheFuture } from '../helpers/library.ts';
import { fixture } from '../helpers/paths.ts';

const failureOf = (dir: string) => {
  try {
    Library.open(dir).close();
  } catch (error) {
    return error;
  }
  throw new Error(`${dir} opened`);
};

describe('a library that cannot be opened at start', () => {
  it('says why, in the window’s language, and which folder', () => {
    const { dir, file } = libraryFromTheFuture();
    const tooNew = failureOf(dir);
    expect(openFailure(tooNew, dir, 'en')).toEqual({
      title: 'Casebinder cannot open your library',
      body: `This library was written by a newer version of Casebinder (library format ${LATEST_VERSION + 5}; this version reads up to format ${LATEST_VERSION}). Nothing was changed. Update Casebinder to open it.\n\nLibrary folder: ${dir}`,
    });
    expect(openFailure(tooNew, dir, 'es')).toEqual({
      title: 'Casebinder no puede abrir su biblioteca',
      body: `Esta biblioteca la escribió una versión más reciente de Casebinder (formato de biblioteca ${LATEST_VERSION + 5}; esta versión lee hasta el formato ${LATEST_VERSION}). No se cambió nada. Actualice Casebinder para abrirla.\n\nCarpeta de la biblioteca: ${dir}`,
    });
    expect(openFailure(tooNew, dir, 'ar').body).toMatch(/^كتب هذه المكتبةَ إصدارٌ أحدث من Casebinder/);

    // Its database overwritten with random bytes: damaged, or an encrypted library whose key file is gone.
    fs.copyFileSync(fixture('bad/random_64k.bin'), file);
    const garbage = openFailure(failureOf(dir), dir, 'es');
    expect(garbage.body).toContain(`${file} no es una biblioteca de Casebinder, o está dañada (`);
    expect(garbage.body).toContain('falta a su lado su archivo de claves (keys.json)');
    // SQLite's own words ("file is not a database") and the path stay as written; none of Casebinder's English is left.
    expect(garbage.body).not.toMatch(/Choose|restore it from|key file|put it back/);

    // Another program's database.
    fs.rmSync(file);
    const other = new Database(file);
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    expect(openFailure(failureOf(dir), dir, 'es').body).toMatch(/es una base de datos de otro programa, no una biblioteca de Casebinder\. No se cambió nada\./);

    // Something not a CasebinderError at all is still said in the language, with what the system said.
    expect(openFailure(new Error('EACCES: permission denied'), dir, 'es').body).toBe(`No se pudo abrir la biblioteca: EACCES: permission denied\n\nCarpeta de la biblioteca: ${dir}`);
  });

  it('speaks the language the person chose, else the system’s, else English', () => {
    expect(startupLanguage('ar', 'es-MX')).toBe('ar');
    expect(startupLanguage(null, 'es-MX')).toBe('es');
    expect(startupLanguage(null, 'ar')).toBe('ar');
    expect(startupLanguage(null, 'fr-FR')).toBe('en');
    expect(startupLanguage(null, '')).toBe('en');
  });
});
