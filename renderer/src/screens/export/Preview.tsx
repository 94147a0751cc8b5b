/** The export's preview pane. */
import type { PacketPreview } from '../../../../shared/export-types.ts';
import { PdfView } from '../../components/PdfView.tsx';
import { plural } from '../../format.ts';
import type { PdfSource } from '../../pdf.ts';
import { PrintButton } from '../../components/PrintButton.tsx';
import { printPdf } from '../../print.ts';
import { Progress } from './work.tsx';
import type { Work } from './work.tsx';

/** The packet as the specialist will read it, made in memory before anything is written; stale once the choices change. */
export function PreviewPane(props: { work: Work<PacketPreview> | null; source: PdfSource | null; current: boolean; chosenCount: number; onPreview: () => void; onCancel: (jobId: string) => void; onError: (message: string) => void }) {
  const { work, source, current, chosenCount, onPreview, onCancel, onError } = props;
  const previewing = work?.state === 'running' ? work : null;
  return (
    <section className="export-preview" aria-label="Packet preview">
      {work?.state === 'done' && source ? (
        <>
          <p className={`export-preview-note${current ? '' : ' stale'}`} role="status">
            {current
              ? `The packet as it will be written: ${plural(work.value.pages, 'page')}.`
              : 'The choices changed since this preview.'}{' '}
            {!current && (
              <button type="button" className="small" onClick={onPreview}>
                Preview again
              </button>
            )}
            <PrintButton className="small" label="Print the packet…" print={(onPage) => printPdf(source, onPage)} onError={onError} />
            {work.value.warnings.map((w) => (
              <span key={w} className="export-warning">
                {w}
              </span>
            ))}
          </p>
          <PdfView source={source} onError={onError} />
        </>
      ) : previewing ? (
        <div className="export-preview-empty">
          <Progress label="Making the preview" progress={previewing.progress} onCancel={() => onCancel(previewing.jobId)} />
        </div>
      ) : (
        <div className="export-preview-empty">
          <p>
            {work?.state === 'failed'
              ? `The preview could not be made: ${work.message}`
              : work?.state === 'cancelled'
                ? 'The preview was cancelled.'
                : 'See the packet page by page before you write it: the cover, the summary, the timeline, the labs and every document, as the specialist will.'}
          </p>
          <button type="button" onClick={onPreview} disabled={chosenCount === 0}>
            Preview the packet
          </button>
        </div>
      )}
    </section>
  );
}
