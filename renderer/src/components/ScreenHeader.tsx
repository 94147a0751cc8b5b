import type { ReactNode } from 'react';
import { useT } from '../i18n/index.ts';

/** A screen's header: the way back, the title with a line under it, and the screen's own controls after. */
export function ScreenHeader({ back, title, subtitle, children }: { back: { readonly href: string; readonly label: string }; title: ReactNode; subtitle: ReactNode; children?: ReactNode }) {
  const { t } = useT();
  return (
    <header className="document-header">
      <a className="back" href={back.href}>
        {t('header.back', { label: back.label })}
      </a>
      <div className="document-heading">
        <h1>{title}</h1>
        <p>{subtitle}</p>
      </div>
      {children}
    </header>
  );
}
