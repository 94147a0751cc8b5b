/**
 * Turns what a person types into an SQLite FTS5 query that can never be a syntax error.
 * Each word becomes a quoted phrase (so `AND`, `NEAR`, `-`, `:`, `*` and quotes are just text), words
 * must all match, and the last word also matches as a prefix so results follow typing ("creat" finds
 * "creatinine"). Punctuation inside a word is left to the tokenizer: "S24-1187" matches the tokens
 * "s24" "1187" side by side, which is how the case number was indexed.
 */
export function toFtsQuery(typed: string, options: { readonly prefixLast?: boolean } = {}): string | null {
  const words = typed
    // eslint-disable-next-line no-control-regex -- control characters are snippet markers, never search text
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  // A space after the last word means the person finished typing it.
  let prefixLast = (options.prefixLast ?? true) && !/\s$/.test(typed);
  // One letter just begun after other words says nothing yet: as a prefix it matches most of the
  // library's words (every one starting with "a"), costing seconds for the results the words before
  // it already give; it counts from its second letter. The word before it was finished.
  if (prefixLast && words.length > 1 && [...words.at(-1)!].length === 1) {
    words.pop();
    prefixLast = false;
  }
  // The same inside a word: "S24-1" is the tokens "s24" and "1", and "1" as a prefix is every number
  // starting with 1. It waits for its second character; what comes before is searched as typed.
  const inWord = prefixLast ? /^(.*[\p{L}\p{N}])[^\p{L}\p{N}]+[\p{L}\p{N}]$/u.exec(words.at(-1)!) : null;
  if (inWord) {
    words[words.length - 1] = inWord[1]!;
    prefixLast = false;
  }
  if (words.length === 0) return null;
  return words
    .map((w, i) => {
      const phrase = `"${w.replace(/"/g, '""')}"`;
      const isLast = i === words.length - 1;
      return isLast && prefixLast && /[\p{L}\p{N}]$/u.test(w) ? `${phrase}*` : phrase;
    })
    .join(' ');
}
