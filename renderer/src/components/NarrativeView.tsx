import type { ReactNode } from 'react';
import type { NarrativeNode } from '../../../shared/narrative.ts';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { invoke } from '../api.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { useLoaded } from '../loaded.ts';
import './NarrativeView.css';

function render(nodes: readonly NarrativeNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text':
        return node.text;
      case 'break':
        return <br key={i} />;
      case 'paragraph':
        return <p key={i}>{render(node.children)}</p>;
      case 'table':
        return (
          <div key={i} className="narrative-table" tabIndex={0} role="region" aria-label={currentTranslator().t('narrative.table')}>
            <table>{render(node.children)}</table>
          </div>
        );
      case 'rows':
        return <tbody key={i}>{render(node.children)}</tbody>;
      case 'row':
        return <tr key={i}>{render(node.children)}</tr>;
      case 'heading-cell':
        return <th key={i}>{render(node.children)}</th>;
      case 'cell':
        return <td key={i}>{render(node.children)}</td>;
      case 'caption':
        return <caption key={i}>{render(node.children)}</caption>;
      case 'list':
        return node.ordered ? <ol key={i}>{render(node.children)}</ol> : <ul key={i}>{render(node.children)}</ul>;
      case 'item':
        return <li key={i}>{render(node.children)}</li>;
      case 'strong':
        return <strong key={i}>{render(node.children)}</strong>;
      case 'emphasis':
        return <em key={i}>{render(node.children)}</em>;
    }
  });
}

/**
 * A clinical document (C-CDA) shown from its own narrative, section by section, drawn by the app:
 * never the file's HTML or its stylesheet.
 */
export function NarrativeView({ document: doc, onError }: { document: MedicalDocument; onError: (m: string) => void }) {
  const sections = useLoaded(() => invoke('documents:narrative', doc.id), [doc.id, onError], onError);
  const { t } = useT();
  if (!sections) return <p role="status">{t('document.opening')}</p>;
  if (sections.length === 0) return <p className="empty">{t('narrative.empty')}</p>;
  return (
    <article className="narrative" tabIndex={0} aria-label={t('narrative.label', { title: doc.title })}>
      {sections.map((section, i) => (
        <section key={i} className={`narrative-section depth-${section.depth}`}>
          {section.depth === 0 ? <h2>{section.title}</h2> : <h3>{section.title}</h3>}
          {render(section.nodes)}
        </section>
      ))}
    </article>
  );
}
