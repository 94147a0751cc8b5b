/** The export's preview pane. */
import type { PacketPreview } from '../../../../shared/export-types.ts';
import { say } from '../../../../shared/said.ts';
import { PdfView } from '../../components/PdfView.tsx';
import { useT } from '../../i18n/index.ts';
import type { PdfSource } from '../../pdf.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { printPdf } from '../../print.ts';
import { Progress } from './work.tsx';
import type { Work } from './work.tsx';

/** The packet as the specialist will read it, made in memory before anything is written; stale once the choices change. */
export function PreviewPane(props: { work: Work<PacketPreview> | null; source: PdfSource | null; current: boolean; chosenCount: number; onPreview: () => void; onCancel: (jobId: string) => void; onError: (message: string) => void }) {
  const { work, source, current, chosenCount, onPreview, onCancel, onError } = props;
  const previewing = work?.state === 'running' ? work : null;
  const { t, language } = useT();
  return (
    <section className="export-preview" aria-label={t('export.previewTitle')}>
      {work?.state === 'done' && source ? (
        <>
          <p className={`export-preview-note${current ? '' : ' stale'}`} role="status">
            {current ? t('export.previewCurrent', { pages: work.value.pages }) : t('export.previewStale')}{' '}
            {!current && (
              <button type="button" className="small" onClick={onPreview}>
                {t('export.previewAgain')}
              </button>
            )}
            <PrintButton className="small" label={t('export.print')} print={(onPage) => printPdf(source, onPage)} onError={onError} />
            {work.value.warnings.map((w) => say(w, language)).map((w) => (
              <span key={w} className="export-warning">
                {w}
              </span>
            ))}
          </p>
          <PdfView source={source} onError={onError} />
        </>
      ) : previewing ? (
        <div className="export-preview-empty">
          <Progress label={t('export.makingPreview')} progress={previewing.progress} onCancel={() => onCancel(previewing.jobId)} />
        </div>
      ) : (
        <div className="export-preview-empty">
          <p>
            {work?.state === 'failed' ? t('export.previewFailed', { message: work.message }) : work?.state === 'cancelled' ? t('export.previewCancelled') : t('export.previewHint')}
          </p>
          <button type="button" onClick={onPreview} disabled={chosenCount === 0}>
            {t('export.preview')}
          </button>
        </div>
      )}
    </section>
  );
}
