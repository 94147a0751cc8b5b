/**
 * The narrative of a clinical document (C-CDA sections) as a small tree the window renders with its
 * own elements: never HTML from the file, never its stylesheet.
 */
export type NarrativeNode =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly children: readonly NarrativeNode[] }
  | {
      readonly kind: 'paragraph' | 'table' | 'rows' | 'row' | 'heading-cell' | 'cell' | 'item' | 'caption' | 'break' | 'strong' | 'emphasis';
      readonly children: readonly NarrativeNode[];
    };

export interface NarrativeSection {
  readonly title: string;
  /** 0 for a document's sections, 1 for a section within one. */
  readonly depth: number;
  readonly nodes: readonly NarrativeNode[];
}

/** The narrative as plain text: blocks (paragraphs, rows, items) on lines of their own, cells apart. */
export function narrativeText(nodes: readonly NarrativeNode[]): string {
  return nodes
    .map((n) => {
      if (n.kind === 'text') return n.text;
      if (n.kind === 'break') return '\n';
      const inner = narrativeText(n.children);
      return ['paragraph', 'row', 'item', 'caption', 'table', 'list', 'rows'].includes(n.kind) ? `${inner}\n` : n.kind.endsWith('cell') ? `${inner} ` : inner;
    })
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n');
}
