import { useEffect, useState } from 'react';
import { formatPersonName, modalityLabel } from '../../../shared/imaging.ts';
import type { SeriesSummary, StudyDetails } from '../../../shared/imaging.ts';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate, plural } from '../format.ts';
import { routeHash } from '../route.ts';
import { useSeriesThumbnail } from '../series-thumbnail.ts';
import { loadViewer } from '../viewer/load.ts';
import './StudyView.css';

function SeriesPicture({ series, studyId }: { series: SeriesSummary; studyId: number }) {
  const url = useSeriesThumbnail(series);
  if (!series.hasThumbnail) {
    return (
      <div className="series-picture none">
        <p>{series.thumbnailProblem ?? 'The preview is being made.'}</p>
      </div>
    );
  }
  // The key image is the series' middle one: the viewer opens there.
  return (
    <a className="series-picture" href={routeHash({ name: 'viewer', studyId, seriesId: series.id })} title="Open this series in the viewer">
      {url && (
        <img src={url} alt={`Key image of series ${series.number ?? ''}, open it in the viewer`.replace(' ,', ',')} onLoad={() => performance.mark('casebinder:key-image')} />
      )}
    </a>
  );
}

function Fact({ label, value }: { label: string; value: string | null | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/**
 * An imaging study as one record: what it is, when and where it was made, a card per series with its
 * key image (or why there is none), and a warning when its files name another patient.
 */
export function StudyView({ document: doc, libraryVersion, onError }: { document: MedicalDocument; libraryVersion: number; onError: (message: string) => void }) {
  const [study, setStudy] = useState<StudyDetails | null>(null);
  useEffect(() => {
    // Ready before the person clicks an image.
    void loadViewer();
  }, []);
  useEffect(() => {
    performance.mark('casebinder:study-open');
    let live = true;
    invoke('studies:get', doc.id).then(
      (s) => live && setStudy(s),
      (e: unknown) => onError(`This study could not be shown: ${messageOf(e)}`),
    );
    return () => {
      live = false;
    };
  }, [doc.id, libraryVersion, onError]);
  if (!study) return <p className="screen-loading" role="status">Opening the study…</p>;

  const patient = [
    formatPersonName(study.patientName),
    study.patientId && `ID ${study.patientId}`,
    study.patientBirthDate && `born ${formatDate(study.patientBirthDate)}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="study-view" tabIndex={0} aria-label="The study's series">
      {/* Whose images these are is said once, above, with what to do about it (IdentityBanner). */}
      {(doc.identity.match === 'other' ? [] : study.warnings).map((w) => (
        <p key={w} className="warning-banner" role="alert">
          {w}
        </p>
      ))}
      <section className="study-facts" aria-label="About this study">
        <dl>
          <Fact label="Study date" value={formatDate(study.studyDate)} />
          <Fact label="Kind" value={study.modalities.map((m) => `${modalityLabel(m)} (${m})`).join(', ')} />
          <Fact label="Description" value={study.description} />
          <Fact label="Institution" value={study.institution} />
          <Fact label="Referred by" value={formatPersonName(study.referringPhysician)} />
          <Fact label="Accession number" value={study.accessionNumber} />
          <Fact label="Patient in the images" value={patient} />
        </dl>
        <p className="hint">
          {plural(study.instances, 'image file')} in {plural(study.series.length, 'series', 'series')}, kept exactly as they came. Open a series to
          scroll through it; the case bundle carries every file, unchanged, in its DICOM folder for the specialist's own viewer.
        </p>
      </section>
      <section className="study-readiness" aria-labelledby="readiness-heading">
        <h2 id="readiness-heading" className="series-heading">
          Ready for a radiologist?
        </h2>
        <ul>
          {study.readiness.map((r) => (
            <li key={r.check} className={`readiness-${r.status}`}>
              <span className="readiness-status">{r.status === 'ok' ? 'Yes' : r.status === 'warning' ? 'Check' : 'Missing'}</span>
              <span>{r.message}</span>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="series-heading">Series</h2>
      <ul className="series-grid" aria-label="Series">
        {study.series.map((s) => (
          <li key={s.id} className="series-card">
            <SeriesPicture series={s} studyId={doc.id} />
            <div className="series-text">
              <h3>
                {s.number !== null ? `${s.number}. ` : ''}
                {s.description ?? modalityLabel(s.modality)}
              </h3>
              <p className="series-meta">
                {modalityLabel(s.modality)}
                {s.bodyPart ? ` · ${s.bodyPart.toLowerCase()}` : ''} · {plural(s.instances, 'image')}
              </p>
              {s.problems.length > 0 && (
                <details className="series-problems">
                  <summary>{plural(s.problems.length, 'damaged file')}</summary>
                  <ul>
                    {s.problems.map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </details>
              )}
              {s.hasThumbnail && (
                <a className="series-open" href={routeHash({ name: 'viewer', studyId: doc.id, seriesId: s.id })}>
                  View the images
                </a>
              )}
              {s.reportDocumentIds.map((id) => (
                <a key={id} className="series-report" href={routeHash({ name: 'document', id })}>
                  Open the PDF report it carries
                </a>
              ))}
              {s.reportText && (
                <details className="series-report-text">
                  <summary>Read the report</summary>
                  <pre>{s.reportText}</pre>
                </details>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
