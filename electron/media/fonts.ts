/**
 * The packet's fonts: Noto Sans (Latin, Greek, Cyrillic, Vietnamese, Devanagari) with Noto Sans JP
 * behind it for Japanese and Chinese characters, and Noto Sans Arabic and Hebrew, all from npm
 * (@fontsource, SIL Open Font License). The font files are split by Unicode range; a file is read and
 * embedded only when the packet uses a character from its range, and only the glyphs used are
 * embedded (subset), so a Latin-only packet carries a few kilobytes of font. Text is drawn in runs,
 * each run in the first font that has its characters. An Arabic or Hebrew run (a name, with the spaces
 * between its words) is shaped and laid right to left by fontkit when pdf-lib encodes it; the line
 * around it stays left to right, which is right for such a name inside English text.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';
import * as fontkit from 'fontkit';

const require = createRequire(import.meta.url);

interface Subset {
  readonly family: string;
  readonly file: (weight: Weight) => string;
  readonly ranges: readonly (readonly [number, number])[];
  /** A right-to-left script's font (Arabic, Hebrew). */
  readonly rtl: boolean;
}

export type Weight = 400 | 700;

export interface Run {
  readonly text: string;
  readonly font: PDFFont;
}

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const low = parseInt(a!, 16);
    return [low, b ? parseInt(b, 16) : low];
  });
}

/** A package's files by Unicode range, in `order`; `only` keeps the named ranges (the rest repeat Noto Sans). */
function subsetsOf(pkg: string, family: string, order: (name: string) => number, only?: { readonly names: readonly string[]; readonly rtl: boolean }): Subset[] {
  const dir = path.dirname(require.resolve(`${pkg}/package.json`));
  const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
  return Object.entries(unicode)
    .filter(([name]) => !only || only.names.includes(name))
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, spec]) => {
      const bare = name.replace(/^\[(\d+)\]$/, '$1');
      return {
        family: `${family}-${bare}`,
        file: (weight: Weight) => path.join(dir, 'files', `${path.basename(pkg)}-${bare}-${weight}-normal.woff`),
        ranges: parseRanges(spec),
        rtl: only?.rtl ?? false,
      };
    });
}

const LATIN_FIRST = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese', 'devanagari'];

let allSubsets: Subset[] | undefined;
function subsets(): Subset[] {
  allSubsets ??= [
    ...subsetsOf('@fontsource/noto-sans', 'NotoSans', (n) => (LATIN_FIRST.includes(n) ? LATIN_FIRST.indexOf(n) : 99)),
    ...subsetsOf('@fontsource/noto-sans-jp', 'NotoSansJP', () => 0),
    ...subsetsOf('@fontsource/noto-sans-arabic', 'NotoSansArabic', () => 0, { names: ['arabic'], rtl: true }),
    ...subsetsOf('@fontsource/noto-sans-hebrew', 'NotoSansHebrew', () => 0, { names: ['hebrew'], rtl: true }),
  ];
  return allSubsets;
}

/** A font file's bytes, read once per process. */
const fileCache = new Map<string, Uint8Array>();
function fontFile(file: string): Uint8Array {
  let bytes = fileCache.get(file);
  if (!bytes) {
    bytes = sfntFromWoff(fs.readFileSync(file));
    fileCache.set(file, bytes);
  }
  return bytes;
}

/**
 * The plain font (TrueType/OpenType) inside a WOFF 1.0 file, its tables inflated once (W3C WOFF 1.0 §4-5).
 * fontkit reads WOFF too, but inflates a table, in JavaScript, every time it reads from it (the glyph
 * table once per glyph a subset takes): a quarter of a packet's time went there.
 */
export function sfntFromWoff(woff: Uint8Array): Uint8Array {
  const bytes = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (bytes.toString('latin1', 0, 4) !== 'wOFF') return woff;
  const flavor = bytes.readUInt32BE(4);
  const count = bytes.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compressed, length] = [bytes.readUInt32BE(at + 4), bytes.readUInt32BE(at + 8), bytes.readUInt32BE(at + 12)];
    const stored = bytes.subarray(offset, offset + compressed);
    const data = compressed < length ? zlib.inflateSync(stored) : stored;
    if (data.length !== length) throw new Error(`font: table ${bytes.toString('latin1', at, at + 4)} inflates to ${data.length} bytes, not ${length}`);
    return { tag: bytes.subarray(at, at + 4), checksum: bytes.readUInt32BE(at + 16), data };
  });
  const power = 2 ** Math.floor(Math.log2(count));
  const head = Buffer.alloc(12 + 16 * count);
  head.writeUInt32BE(flavor, 0);
  head.writeUInt16BE(count, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(count * 16 - power * 16, 10);
  let offset = head.length;
  const parts: Buffer[] = [head];
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    t.tag.copy(head, at);
    head.writeUInt32BE(t.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(t.data.length, at + 12);
    const padded = (t.data.length + 3) & ~3;
    parts.push(t.data, Buffer.alloc(padded - t.data.length));
    offset += padded;
  });
  return Buffer.concat(parts);
}

/**
 * fontkit shapes a string each time pdf-lib measures or encodes it (a footer three times), and the
 * packet draws the same strings on hundreds of pages: each embedded font keeps the strings it shaped.
 */
function rememberShapes(font: PDFFont): void {
  const shaper = (font as unknown as { embedder: { font: { layout: (text: string, features?: unknown) => unknown } } }).embedder.font;
  const layout = shaper.layout.bind(shaper);
  const shaped = new Map<string, unknown>();
  shaper.layout = (text: string, features?: unknown) => {
    let run = shaped.get(text);
    if (run === undefined) {
      run = layout(text, features);
      if (shaped.size < 50_000) shaped.set(text, run);
    }
    return run;
  };
}

/** A six-letter subset tag derived from the name, so the same packet has the same bytes every time. */
function subsetTag(name: string): string {
  const digest = createHash('sha256').update(name).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0xa0;
}

/** The fonts of one PDF document, embedded as they are needed. */
export class FontSet {
  private readonly doc: PDFDocument;
  private readonly embedded = new Map<string, { font: PDFFont; glyphs: Set<number> }>();
  private readonly rtl = new Set<PDFFont>();
  /** Characters no font has; the packet shows a box for them and the export says so. */
  readonly missing = new Set<string>();

  constructor(doc: PDFDocument) {
    this.doc = doc;
    doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  }

  private async load(subset: Subset, weight: Weight): Promise<{ font: PDFFont; glyphs: Set<number> }> {
    const key = `${subset.family}-${weight}`;
    let entry = this.embedded.get(key);
    if (!entry) {
      const name = `${subset.family.replace(/-/g, '')}-${weight === 700 ? 'Bold' : 'Regular'}`;
      const font = await this.doc.embedFont(fontFile(subset.file(weight)), { subset: true, customName: `${subsetTag(name)}+${name}` });
      rememberShapes(font);
      entry = { font, glyphs: new Set(font.getCharacterSet()) };
      this.embedded.set(key, entry);
      if (subset.rtl) this.rtl.add(font);
    }
    return entry;
  }

  /** The first font that has this character, loading it when needed. */
  private async fontFor(cp: number, weight: Weight): Promise<PDFFont | null> {
    for (const subset of subsets()) {
      if (!subset.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) continue;
      const entry = await this.load(subset, weight);
      if (entry.glyphs.has(cp)) return entry.font;
    }
    return null;
  }

  /** Makes sure every character of these texts has its font loaded (call before laying text out). */
  async prepare(texts: Iterable<string>, weight: Weight = 400): Promise<void> {
    await this.load(subsets()[0]!, weight);
    const seen = new Set<number>();
    for (const text of texts) {
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (seen.has(cp) || cp < 0x20) continue;
        seen.add(cp);
        const font = this.cached(cp, weight) ?? (await this.fontFor(cp, weight));
        this.byChar.delete(`${weight}:${cp}`);
        if (!font) this.missing.add(ch);
      }
    }
  }

  private readonly byChar = new Map<string, PDFFont | null>();

  /** The font for a character among those already loaded; undefined when none is loaded for it yet. */
  private cached(cp: number, weight: Weight): PDFFont | null | undefined {
    const key = `${weight}:${cp}`;
    if (this.byChar.has(key)) return this.byChar.get(key);
    for (const subset of subsets()) {
      if (!subset.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) continue;
      const entry = this.embedded.get(`${subset.family}-${weight}`);
      if (!entry) return undefined;
      if (entry.glyphs.has(cp)) {
        this.byChar.set(key, entry.font);
        return entry.font;
      }
    }
    this.byChar.set(key, null);
    return null;
  }

  /** The Latin font, always loaded: the fallback for what nothing else draws. */
  private base(weight: Weight): PDFFont {
    const entry = this.embedded.get(`${subsets()[0]!.family}-${weight}`);
    if (!entry) throw new Error('fonts: call prepare() before laying out text');
    return entry.font;
  }

  /** Splits text into runs of one font each; the text's fonts must have been prepared. */
  runs(text: string, weight: Weight = 400): Run[] {
    const out: { text: string; font: PDFFont }[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const last = out[out.length - 1];
      // Spaces join the run they are in, so a line is not cut into pieces at every word.
      const font = (isSpace(cp) && last ? last.font : this.cached(cp, weight)) ?? this.base(weight);
      if (last && last.font === font) last.text += ch;
      else out.push({ text: ch, font });
    }
    // Spaces after a right-to-left run belong after it, not inside it (laid right to left, they would
    // end up on its left).
    for (let i = 0; i < out.length; i++) {
      const run = out[i]!;
      const trailing = this.rtl.has(run.font) ? /\s+$/.exec(run.text) : null;
      if (!trailing || trailing.index === 0) continue;
      run.text = run.text.slice(0, trailing.index);
      const next = out[i + 1];
      if (next && !this.rtl.has(next.font)) next.text = trailing[0] + next.text;
      else out.splice(i + 1, 0, { text: trailing[0], font: this.base(weight) });
    }
    return out;
  }

  /** True when every character of the text has a font (for choosing a plainer spelling when not). */
  async covers(text: string, weight: Weight = 400): Promise<boolean> {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp >= 0x20 && !(this.cached(cp, weight) ?? (await this.fontFor(cp, weight)))) return false;
      this.byChar.delete(`${weight}:${cp}`);
    }
    return true;
  }

  width(text: string, size: number, weight: Weight = 400): number {
    let w = 0;
    for (const run of this.runs(text, weight)) w += run.font.widthOfTextAtSize(run.text, size);
    return w;
  }
}
