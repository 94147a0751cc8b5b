import { snippetParts } from '../../../shared/snippet.ts';

/** A search snippet with the matched words highlighted, built as text (never as HTML). */
export function Snippet({ text }: { text: string }) {
  return (
    <span className="snippet">
      {snippetParts(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
