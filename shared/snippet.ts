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
