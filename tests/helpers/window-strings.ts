/**
 * The words a person reads that the window's code writes itself, outside the catalogues: JSX text, and
 * the read attributes (aria-label, title, placeholder, alt...) and JSX children given as plain strings.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './paths.ts';

export const RENDERER = path.join(ROOT, 'renderer', 'src');
/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription']);
/** Words: at least two letters in a row (so "·", "—", "#" and "✓" are not words). */
const WORDS = /\p{L}{2,}/u;

/** The window's components (the catalogues' own folder aside). */
export function windowSources(dir = RENDERER): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' ? [] : windowSources(p);
    return /\.tsx$/.test(e.name) ? [p] : [];
  });
}

function isText(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

/** The strings an expression in a child's place may put on the screen. */
function shownStrings(expression: ts.Node): string[] {
  const found: string[] = [];
  const walk = (node: ts.Node) => {
    if (ts.isCallExpression(node) || ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node) || ts.isArrowFunction(node)) return;
    if (ts.isBinaryExpression(node) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(node.operatorToken.kind)) return;
    if (ts.isElementAccessExpression(node)) return;
    if (isText(node)) {
      if (WORDS.test(node.getText())) found.push(node.getText());
      return;
    }
    ts.forEachChild(node, walk);
  };
  walk(expression);
  return found;
}

export function literalStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) found.push(node.text.trim());
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      // A plain string, or the strings an expression may give (placeholder={current ? name : 'Find a patient'}).
      if (value) found.push(...shownStrings(value));
    }
    // A child written as an expression: the strings it may show ({busy ? 'Unlocking…' : 'Unlock'}), not the
    // keys and arguments of what it calls (t('library.trash')) nor what it compares (kind === 'study').
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) found.push(...shownStrings(node.expression));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Each file with words of its own, and how many (paths from the repository's root). */
export function literalCounts(): Record<string, number> {
  return Object.fromEntries(
    windowSources()
      .map((f) => [path.relative(ROOT, f).split(path.sep).join('/'), literalStrings(f).length] as const)
      .filter(([, n]) => n > 0),
  );
}
