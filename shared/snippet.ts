/** Marks around matched words in search snippets: control characters never occur in indexed text. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export interface SnippetPart {
  readonly text: string;
  readonly match: boolean;
}

/** Splits a marked snippet into plain and matched runs, for the UI to render without HTML. */
export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let match = false;
  let text = '';
  for (const ch of snippet) {
    if (ch === MATCH_START || ch === MATCH_END) {
      if (text) parts.push({ text, match });
      text = '';
      match = ch === MATCH_START;
    } else {
      text += ch;
    }
  }
  if (text) parts.push({ text, match });
  return parts;
}

/** The snippet as a terminal or a JSON reader sees it: matched words between ** marks. */
export function snippetWithStars(snippet: string): string {
  return snippetParts(snippet)
    .map((p) => (p.match ? `**${p.text}**` : p.text))
    .join('');
}

/** How many matched runs (words or phrases) a marked text holds. */
export function matchCount(marked: string): number {
  let n = 0;
  for (let at = marked.indexOf(MATCH_START); at >= 0; at = marked.indexOf(MATCH_START, at + 1)) n++;
  return n;
}

/**
 * Cuts a fully marked text down to the window of about `size` words that holds the most matches, with
 * "…" where text was left out: the same idea as FTS5's snippet(), done once per result instead of in a
 * second query for each. Words keep their punctuation ("PSA," stays one word, "PSA" marked).
 */
export function snippetAround(marked: string, size = 14): string {
  // Only the text near the first match can hold the window; a long page is not read through.
  const firstMark = marked.indexOf(MATCH_START);
  const from = Math.max(0, marked.lastIndexOf(' ', Math.max(0, firstMark - 300)));
  const to = firstMark < 0 ? marked.length : marked.indexOf(' ', firstMark + 900);
  let region = marked.slice(from, to < 0 ? marked.length : to);
  // A phrase match is marked as one run, spaces included, so the cut after it may fall inside a run.
  if (region.lastIndexOf(MATCH_START) > region.lastIndexOf(MATCH_END)) region += MATCH_END;
  const cut = { before: from > 0, after: to >= 0 && to < marked.length };
  type Word = { segments: SnippetPart[]; match: boolean };
  const words: Word[] = [];
  let current: Word | undefined;
  for (const part of snippetParts(region)) {
    for (const piece of part.text.split(/(\s+)/)) {
      if (!piece) continue;
      if (/^\s+$/.test(piece)) {
        current = undefined;
        continue;
      }
      if (!current) words.push((current = { segments: [], match: false }));
      current.segments.push({ text: piece, match: part.match });
      current.match ||= part.match;
    }
  }
  if (words.length === 0) return '';
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.match) count++;
    if (i >= size && words[i - size]!.match) count--;
    if (count > bestCount) {
      bestCount = count;
      best = Math.max(0, i - size + 1);
    }
  }
  // The best window ends on its last match; shift it so the matches read in context: up to three
  // words before the first one, the rest after, never dropping a match.
  const inWindow = words.map((w, i) => (w.match && i >= best && i < best + size ? i : -1)).filter((i) => i >= 0);
  const first = inWindow[0] ?? best;
  const last = inWindow.at(-1) ?? best;
  const slack = size - (last - first + 1);
  const start = Math.max(0, Math.min(first - Math.min(3, slack), words.length - size));
  const end = Math.min(words.length, start + size);
  const text = words
    .slice(start, end)
    .map((w) => w.segments.map((seg) => (seg.match ? `${MATCH_START}${seg.text}${MATCH_END}` : seg.text)).join(''))
    .join(' ')
    // Adjacent matched words read as one marked phrase.
    .replaceAll(`${MATCH_END} ${MATCH_START}`, ' ');
  return `${start > 0 || cut.before ? '…' : ''}${text}${end < words.length || cut.after ? '…' : ''}`;
}
