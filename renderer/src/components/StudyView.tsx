import { useEffect, useState } from 'react';
import { formatPersonName } from '../../../shared/imaging.ts';
import { say } from '../../../shared/said.ts';
import type { SeriesSummary, StudyDetails } from '../../../shared/imaging.ts';
import type { MedicalDocument } from '../../../shared/library-types.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate, modalityLabel } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import { routeHash } from '../route.ts';
import { useSeriesThumbnail } from '../series-thumbnail.ts';
import { loadViewer } from '../viewer/load.ts';
import './StudyView.css';

function SeriesPicture({ series, studyId }: { series: SeriesSummary; studyId: number }) {
  const url = useSeriesThumbnail(series);
  const { t, language } = useT();
  if (!series.hasThumbnail) {
    return (
      <div className="series-picture none">
        <p>{series.thumbnailProblem ? say(series.thumbnailProblem, language) : t('study.previewComing')}</p>
      </div>
    );
  }
  // The key image is the series' middle one: the viewer opens there.
  return (
    <a className="series-picture" href={routeHash({ name: 'viewer', studyId, seriesId: series.id })} title={t('study.openSeries')}>
      {url && (
        <img src={url} alt={t('study.keyImage', { number: series.number ?? 'none' })} onLoad={() => performance.mark('casebinder:key-image')} />
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
      (e: unknown) => onError(currentTranslator().t('study.failed', { message: messageOf(e) })),
    );
    return () => {
      live = false;
    };
  }, [doc.id, libraryVersion, onError]);
  const { t, language } = useT();
  if (!study) return <p className="screen-loading" role="status">{t('viewer.opening')}</p>;

  const patient = [
    formatPersonName(study.patientName),
    study.patientId && t('viewer.id', { id: study.patientId }),
    study.patientBirthDate && t('study.born', { date: formatDate(study.patientBirthDate) }),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="study-view" tabIndex={0} aria-label={t('study.seriesOfStudy')}>
      {/* Whose images these are is said once, above, with what to do about it (IdentityBanner). */}
      {(doc.identity.match === 'other' ? [] : study.warnings.map((w) => say(w, language))).map((w) => (
        <p key={w} className="warning-banner" role="alert">
          {w}
        </p>
      ))}
      <section className="study-facts" aria-label={t('study.about')}>
        <dl>
          <Fact label={t('study.date')} value={formatDate(study.studyDate)} />
          <Fact label={t('study.kind')} value={study.modalities.map((m) => `${modalityLabel(m)} (${m})`).join(', ')} />
          <Fact label={t('study.description')} value={study.description} />
          <Fact label={t('study.institution')} value={study.institution} />
          <Fact label={t('study.referredBy')} value={formatPersonName(study.referringPhysician)} />
          <Fact label={t('study.accession')} value={study.accessionNumber} />
          <Fact label={t('study.patient')} value={patient} />
        </dl>
        <p className="hint">{t('study.files', { files: study.instances, series: study.series.length })}</p>
      </section>
      <section className="study-readiness" aria-labelledby="readiness-heading">
        <h2 id="readiness-heading" className="series-heading">
          {t('study.ready')}
        </h2>
        <ul>
          {study.readiness.map((r) => (
            <li key={r.check} className={`readiness-${r.status}`}>
              <span className="readiness-status">{t('study.readiness', { status: r.status })}</span>
              <span>{say(r.words, language)}</span>
            </li>
          ))}
        </ul>
      </section>
      <h2 className="series-heading">{t('study.series')}</h2>
      <ul className="series-grid" aria-label={t('study.series')}>
        {study.series.map((s) => (
          <li key={s.id} className="series-card">
            <SeriesPicture series={s} studyId={doc.id} />
            <div className="series-text">
              <h3>
                {s.number !== null ? s.number + '. ' : ''}
                {s.description ?? modalityLabel(s.modality)}
              </h3>
              <p className="series-meta">
                {modalityLabel(s.modality)}
                {s.bodyPart ? ' · ' + s.bodyPart.toLowerCase() : ''} · {t('viewer.images', { count: s.instances })}
              </p>
              {s.problems.length > 0 && (
                <details className="series-problems">
                  <summary>{t('study.damaged', { count: s.problems.length })}</summary>
                  <ul>
                    {s.problems.map((p) => say(p, language)).map((p) => (
                      <li key={p}>{p}</li>
                    ))}
                  </ul>
                </details>
              )}
              {s.hasThumbnail && (
                <a className="series-open" href={routeHash({ name: 'viewer', studyId: doc.id, seriesId: s.id })}>
                  {t('study.view')}
                </a>
              )}
              {s.reportDocumentIds.map((id) => (
                <a key={id} className="series-report" href={routeHash({ name: 'document', id })}>
                  {t('study.openReport')}
                </a>
              ))}
              {s.reportText && (
                <details className="series-report-text">
                  <summary>{t('study.readReport')}</summary>
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
