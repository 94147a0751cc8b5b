// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { ALLOWED_PLACES, BACK_END_FLOORS, floorOf, placeOf, SQL_FILES, SQL_MODULES, SQL_OWNER } from './layering.config.ts';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * The rules of layers (README.md, "Where things live"; the tables are in layering.config.ts):
 * - shared/ imports nothing of Node, Electron or the DOM; renderer/ never imports electron/; electron/
 *   never imports renderer/; only the files that wire Electron itself import the `electron` module, so
 *   the library, importers and exporters run in plain Node.
 * - Inside electron/, a folder imports only folders on floors below its own; one floor's folders stay apart.
 * - Each npm package is used only where it can run (Node-only, DOM-only, either); an unlisted one is refused
 *   until it is placed.
 * - Only electron/library/ touches the database driver and the library's SQL helpers.
 */
const ELECTRON_WIRING = [/^electron\/main\.ts$/, /^electron\/preload\.ts$/, /^electron\/desktop\//];
const nodeBuiltins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** @param {string} file a path relative to the repo root */
function layerOf(file) {
  const top = file.split('/')[0];
  return top === 'shared' || top === 'renderer' || top === 'electron' ? top : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const layering = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep shared/, renderer/ and electron/ apart (ARCHITECTURE.md, "The one rule of layers")' },
    schema: [],
  },
  create(context) {
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) return {};

    /** @param {import('estree').Node} node @param {string} source */
    function check(node, source) {
      const isNodeBuiltin = nodeBuiltins.has(source) || source.startsWith('node:');
      const resolved = source.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), source)) : undefined;
      const target = resolved ? layerOf(resolved) : undefined;
      /** @param {string} why */
      const report = (why) => context.report({ node, message: `Layer rule: ${file} may not import '${source}': ${why}` });

      if (layer === 'shared') {
        if (isNodeBuiltin) report('shared/ runs anywhere, so it cannot use Node modules.');
        else if (source === 'electron') report('shared/ runs anywhere, so it cannot use Electron.');
        else if (target && target !== 'shared') report(`shared/ cannot depend on ${target}/.`);
      } else if (layer === 'renderer') {
        if (isNodeBuiltin) report('the renderer is sandboxed web code; ask the back end over IPC instead.');
        else if (source === 'electron') report('the renderer talks to Electron only through window.casebinder.');
        else if (target === 'electron') report('the renderer cannot import the back end; use the IPC contract in shared/.');
      } else if (layer === 'electron') {
        if (target === 'renderer') report('the back end cannot import the user interface.');
        else if (source === 'electron' && !ELECTRON_WIRING.some((re) => re.test(file)))
          report('only main.ts, preload.ts and electron/desktop/ wire Electron; keep the rest plain Node so the CLI and tests run it.');
        else if (!file.startsWith(SQL_OWNER) && (SQL_MODULES.includes(source) || (resolved && SQL_FILES.includes(resolved))))
          report('the library owns the database: every SQL statement is in electron/library/, behind a named method.');
        else if (target === 'electron' && resolved) checkFloors(report, resolved);
      }
      if (!source.startsWith('.') && !isNodeBuiltin && source !== 'electron' && !source.startsWith('virtual:')) checkPackage(report, source);
    }

    /** @param {(why: string) => void} report @param {string} resolved */
    function checkFloors(report, resolved) {
      const from = floorOf(file);
      const to = floorOf(resolved);
      if (!from) return report(`${file} is in no floor of layering.config.ts's BACK_END_FLOORS; add its folder there.`);
      if (!to) return report(`${resolved} is in no floor of layering.config.ts's BACK_END_FLOORS; add its folder there.`);
      if (from.folder === to.folder) return;
      if (to.floor < from.floor) report(`${to.folder}/ is on a floor above ${from.folder}/ (${BACK_END_FLOORS[to.floor]?.join(', ')} above ${BACK_END_FLOORS[from.floor]?.join(', ')}); move what both need down a floor.`);
      else if (to.floor === from.floor) report(`${from.folder}/ and ${to.folder}/ are on one floor and stay apart; move what both need down a floor.`);
    }

    /** @param {(why: string) => void} report @param {string} source */
    function checkPackage(report, source) {
      const place = placeOf(source);
      const allowed = ALLOWED_PLACES[/** @type {'shared' | 'renderer' | 'electron'} */ (layer)];
      if (!place) report(`'${source}' is not placed in layering.config.ts's PACKAGE_PLACES (Node-only, DOM-only or either); place it there first.`);
      else if (!allowed.includes(place)) {
        const where = { node: 'needs Node', dom: 'needs a browser window', either: 'runs anywhere' }[place];
        report(`'${source}' ${where}, and ${layer}/ ${layer === 'shared' ? 'runs in both' : layer === 'renderer' ? 'runs in the window' : 'runs in Node'}.`);
      }
    }

    return {
      ImportDeclaration: (node) => check(node, String(node.source.value)),
      ExportNamedDeclaration: (node) => node.source && check(node, String(node.source.value)),
      ExportAllDeclaration: (node) => check(node, String(node.source.value)),
      ImportExpression: (node) => {
        if (node.source.type === 'Literal' && typeof node.source.value === 'string') check(node, node.source.value);
      },
    };
  },
};

const NO_ENUMS = { selector: 'TSEnumDeclaration', message: 'Use a union of string literals: enums are not erasable syntax.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    plugins: { local: { rules: { layering } } },
    rules: {
      'local/layering': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // noUncheckedIndexedAccess types every index as possibly undefined, even right after a length
      // check; `!` there states what the code just checked. The compiler setting is the stricter guard.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': ['error', NO_ENUMS],
    },
  },
  {
    // A hook after an early return renders once and crashes the screen the next time (React error 310).
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error' },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/library/sql.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        NO_ENUMS,
        {
          selector: "CallExpression[callee.property.name='transaction']",
          message: 'Use writeTransaction(db, fn) from electron/library/sql.ts: begun IMMEDIATE, it waits for another process writing the library instead of failing with "database is locked".',
        },
      ],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
