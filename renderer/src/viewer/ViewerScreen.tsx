/**
 * The scan viewer: every series of a study as it was acquired, slice by slice (Cornerstone3D). Scroll
 * with the wheel, the arrow keys, Page Up/Down or the slider, play it as a cine loop, set the window by
 * dragging or by preset, zoom, pan, rotate, flip, measure a length or an angle. A series it cannot draw
 * says which files and why, never a blank canvas. Dark by default, whatever the window's theme.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent } from 'react';
import { Enums, eventTarget, getShouldUseCPURendering } from '@cornerstonejs/core';
import type { Types } from '@cornerstonejs/core';
import { Enums as ToolEnums, ToolGroupManager, utilities as toolUtilities } from '@cornerstonejs/tools';
import { decoderProblem, formatPersonName } from '../../../shared/imaging.ts';
import type { SeriesImages, SeriesSummary, StudyDetails } from '../../../shared/imaging.ts';
import { say } from '../../../shared/said.ts';
import type { Said } from '../../../shared/said.ts';
import { invoke, messageOf } from '../api.ts';
import { formatDate, modalityLabel } from '../format.ts';
import { currentTranslator, useT } from '../i18n/index.ts';
import type { Route } from '../route.ts';
import { ENGINE, imageIdsOf, onDrawingError, probeImage, pixelSpacing, slicePosition, startCornerstone } from './cornerstone.ts';
import { PRESETS, TOOLS, windowOf } from './tools.ts';
import type { ToolName } from './tools.ts';
import { useSeriesThumbnail } from '../series-thumbnail.ts';
import './ViewerScreen.css';

/** Starts Cornerstone3D as soon as the viewer's code is loaded (see load.ts). */
export function warmUp(): void {
  startCornerstone();
}

const VIEWPORT = 'stack';
const TOOL_GROUP = 'casebinder-viewer-tools';
const SPEEDS = [5, 10, 15, 20, 30] as const;
/** What changes the picture or what the overlay says of it. */
const VIEW_EVENTS = [Enums.Events.PRE_STACK_NEW_IMAGE, Enums.Events.STACK_NEW_IMAGE, Enums.Events.VOI_MODIFIED, Enums.Events.CAMERA_MODIFIED, Enums.Events.IMAGE_RENDERED] as const;

interface Props {
  readonly route: Extract<Route, { name: 'viewer' }>;
  readonly navigate: (route: Route) => void;
  readonly onError: (message: string) => void;
}

interface Shown {
  /** 0-based image index in the stack. */
  readonly index: number;
  readonly count: number;
  readonly window: { readonly width: number; readonly center: number } | null;
  readonly zoom: number;
  readonly location: number | null;
  readonly thickness: number | null;
  readonly invert: boolean;
  readonly rotation: number;
}

function errorText(detail: unknown): string {
  if (!detail) return 'unknown error';
  if (typeof detail === 'string') return detail;
  if (detail instanceof Error) return detail.message;
  const inner = (detail as { error?: unknown; message?: unknown }).error ?? (detail as { message?: unknown }).message;
  return inner && inner !== detail ? errorText(inner) : String(detail);
}

/**
 * Whether the viewport holds this image as it is: Cornerstone3D logs, rather than throws, when it
 * cannot build an image it decoded (pixel data longer than the image, as with odd-sized colour images)
 * and goes on showing the previous one, or nothing. Its size and its pixel count must be the image's own.
 */
function drawnAsItIs(viewport: Types.IStackViewport, image: Types.IImage): boolean {
  const data = viewport.getImageData();
  // On the CPU fallback there is no vtk image; its pixel count is the image's own.
  const vtk = data?.imageData && 'getPointData' in data.imageData ? data.imageData : null;
  const scalars = vtk ? vtk.getPointData().getScalars() : data ? { getNumberOfTuples: () => image.columns * image.rows } : null;
  const components = image.numberOfComponents ?? (image.color ? 3 : 1);
  return (
    !!data &&
    !!scalars &&
    data.dimensions[0] === image.columns &&
    data.dimensions[1] === image.rows &&
    scalars.getNumberOfTuples() === image.columns * image.rows &&
    image.getPixelData().length === image.columns * image.rows * components
  );
}

function SeriesButton({ series, current, onOpen }: { series: SeriesSummary; current: boolean; onOpen: () => void }) {
  const url = useSeriesThumbnail(series);
  const { t } = useT();
  const name = `${series.number !== null ? `${series.number}. ` : ''}${series.description ?? modalityLabel(series.modality)}`;
  return (
    <li>
      <button type="button" className="scan-series" aria-current={current ? 'true' : undefined} onClick={onOpen}>
        <span className="scan-series-picture">{url ? <img src={url} alt="" /> : <span aria-hidden="true">{series.modality ?? '?'}</span>}</span>
        <span className="scan-series-name">{name}</span>
        <span className="scan-series-count">{t('viewer.images', { count: series.instances })}</span>
      </button>
    </li>
  );
}

export function ViewerScreen({ route, navigate, onError }: Props) {
  const [study, setStudy] = useState<StudyDetails | null>(null);
  const [images, setImages] = useState<SeriesImages | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  /** Images of the stack that could not be drawn (0-based index -> why). */
  const [failures, setFailures] = useState<ReadonlyMap<number, Said>>(new Map());
  const [shown, setShown] = useState<Shown | null>(null);
  const [tool, setTool] = useState<ToolName>('window');
  const [overlays, setOverlays] = useState(true);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(10);
  const element = useRef<HTMLDivElement>(null);
  const viewportRef = useRef<Types.IStackViewport | null>(null);
  const { t, language } = useT();

  useEffect(() => {
    let live = true;
    invoke('studies:get', route.studyId).then(
      (s) => live && setStudy(s),
      (e: unknown) => onError(currentTranslator().t('viewer.studyFailed', { message: messageOf(e) })),
    );
    return () => {
      live = false;
    };
  }, [route.studyId, onError]);

  const seriesId = route.seriesId ?? study?.series.find((s) => s.instances > 0 && s.hasThumbnail)?.id ?? study?.series[0]?.id ?? null;
  const series = study?.series.find((s) => s.id === seriesId) ?? null;

  useEffect(() => {
    if (seriesId === null) return;
    let live = true;
    setImages(null);
    setProblem(null);
    setFailures(new Map());
    setShown(null);
    setPlaying(false);
    invoke('series:images', seriesId).then(
      (found) => live && setImages(found),
      (e: unknown) => live && setProblem(currentTranslator().t('viewer.seriesFailed', { message: messageOf(e) })),
    );
    return () => {
      live = false;
    };
  }, [seriesId]);

  const describe = useCallback((viewport: Types.IStackViewport) => {
    const ids = viewport.getImageIds();
    if (ids.length === 0) return;
    // The image asked for (by key, wheel or slider): the overlay and the label follow it at once, and an
    // image that cannot be drawn is said to be so instead of the previous one standing in for it.
    const index = viewport.getCurrentImageIdIndex();
    const { voiRange, invert } = viewport.getProperties();
    const id = ids[index];
    const place = id ? slicePosition(id) : { location: null, thickness: null };
    setShown({
      index,
      count: ids.length,
      window: voiRange ? windowOf(voiRange) : null,
      zoom: viewport.getZoom(),
      invert: !!invert,
      rotation: viewport.getViewPresentation().rotation ?? 0,
      ...place,
    });
  }, []);

  // The stack: a viewport of the window's rendering engine, a tool group bound to it, the series' images.
  useEffect(() => {
    const el = element.current;
    if (!el || !images || images.images.length === 0) return;
    let live = true;
    performance.mark('casebinder:viewer-open');
    const engine = startCornerstone();
    const ids = imageIdsOf(images.images);
    const start = Math.min(Math.max(0, route.image ?? Math.floor((ids.length - 1) / 2)), ids.length - 1);
    // The first image is read and decoded (in the decoder's worker) while the viewport and tools are set up.
    const first = probeImage(ids[start]!);
    first.catch(() => undefined); // told below, once the engine is up; never an unhandled rejection before then
    engine.enableElement({ viewportId: VIEWPORT, type: Enums.ViewportType.STACK, element: el, defaultOptions: { background: [0, 0, 0] } });
    const viewport = engine.getViewport(VIEWPORT) as Types.IStackViewport;
    viewportRef.current = viewport;
    const group = ToolGroupManager.createToolGroup(TOOL_GROUP)!;
    for (const t of TOOLS) group.addTool(t.toolName);
    group.addViewport(VIEWPORT, ENGINE);
    group.setToolActive(TOOLS.find((t) => t.name === 'scroll')!.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Wheel }] });
    group.setToolActive(TOOLS.find((t) => t.name === 'pan')!.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
    group.setToolActive(TOOLS.find((t) => t.name === 'zoom')!.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Secondary }] });
    group.setToolActive(TOOLS.find((t) => t.name === 'window')!.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Primary }] });

    let broken = false;
    const update = () => live && !broken && describe(viewport);
    // An image that fails to load or to draw is marked, so the picture left on the canvas is never taken for it.
    const failed = (event: Event) => {
      const detail = (event as CustomEvent<{ imageId?: string; error?: unknown }>).detail;
      if (!live || typeof detail?.imageId !== 'string') return;
      const at = ids.indexOf(detail.imageId);
      if (at < 0) return;
      const image = images.images.find((i) => detail.imageId!.includes(`/dicom/instances/${i.instanceId}`));
      const why = decoderProblem(errorText(detail.error ?? detail), image?.transferSyntaxUid ?? null);
      setFailures((known) => (known.has(at) ? known : new Map(known).set(at, why)));
    };
    // Cornerstone3D logs, rather than throws, when it cannot build an image it decoded (pixel data
    // longer than the image, as with odd-sized colour images) and goes on showing the previous one. A
    // new image whose drawn size is not its own is therefore marked as not drawn.
    const notBuilt = (at: number, image: Types.IImage | undefined) => {
      if (image && drawnAsItIs(viewport, image)) return;
      const file = image && images.images.find((i) => image.imageId.includes(`/dicom/instances/${i.instanceId}`));
      const why = decoderProblem(
        image ? `the decoded pixel data (${image.getPixelData()?.length ?? '?'} values) could not be made into an image of ${image.columns} x ${image.rows} pixels` : 'no image was made from the decoded data',
        file?.transferSyntaxUid ?? images.images[0]?.transferSyntaxUid ?? null,
      );
      setFailures((known) => (known.has(at) ? known : new Map(known).set(at, why)));
    };
    const arrived = (event: Event) => {
      performance.mark('casebinder:viewer-image');
      const detail = (event as CustomEvent<{ image?: Types.IImage; imageIdIndex?: number }>).detail;
      if (live && detail?.imageIdIndex !== undefined) notBuilt(detail.imageIdIndex, detail.image);
    };
    el.addEventListener(Enums.Events.STACK_NEW_IMAGE, arrived);
    const stopDrawingErrors = onDrawingError((message) => {
      if (!live) return;
      const at = viewport.getCurrentImageIdIndex();
      const image = images.images.find((i) => ids[at]?.includes(`/dicom/instances/${i.instanceId}`));
      const why = decoderProblem(message, image?.transferSyntaxUid ?? null);
      setFailures((known) => (known.has(at) ? known : new Map(known).set(at, why)));
    });
    for (const name of VIEW_EVENTS) el.addEventListener(name, update);
    eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_FAILED, failed);
    eventTarget.addEventListener(Enums.Events.IMAGE_LOAD_ERROR, failed);
    (async () => {
      try {
        // The first image is loaded on its own, so a decoder's failure is told instead of a black canvas.
        await first;
        if (!live) return;
        await viewport.setStack(ids, start);
        if (!live) return;
        viewport.render();
        // The first image, too, may decode yet not be built (see drawnAsItIs).
        notBuilt(start, viewport.getCornerstoneImage());
        describe(viewport);
        performance.mark('casebinder:viewer-first-image', { detail: { cpu: getShouldUseCPURendering() } });
        // The rest of the series loads in the background, nearest slices first, so scrolling finds them ready.
        toolUtilities.stackPrefetch.enable(el);
      } catch (error) {
        if (!live) return;
        broken = true;
        setShown(null);
        setFailures(new Map());
        const tr = currentTranslator();
        setProblem(`${tr.t('viewer.notDrawn')} ${say(decoderProblem(errorText(error), images.images[0]?.transferSyntaxUid ?? null), tr.language)}`);
      }
    })();
    const resize = new ResizeObserver(() => engine.resize(true, false));
    resize.observe(el);
    return () => {
      live = false;
      resize.disconnect();
      toolUtilities.cine.stopClip(el);
      toolUtilities.stackPrefetch.disable(el);
      for (const name of VIEW_EVENTS) el.removeEventListener(name, update);
      el.removeEventListener(Enums.Events.STACK_NEW_IMAGE, arrived);
      stopDrawingErrors();
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_FAILED, failed);
      eventTarget.removeEventListener(Enums.Events.IMAGE_LOAD_ERROR, failed);
      ToolGroupManager.destroyToolGroup(TOOL_GROUP);
      viewportRef.current = null;
      engine.disableElement(VIEWPORT);
    };
    // route.image is where the viewer opens: read once per series, not followed.
  }, [images, describe]);

  // The primary button's tool.
  useEffect(() => {
    const group = ToolGroupManager.getToolGroup(TOOL_GROUP);
    if (!group || !shown) return;
    for (const t of TOOLS) {
      if (t.name === 'scroll' || t.name === 'pan' || t.name === 'zoom') continue;
      if (t.name !== tool) group.setToolPassive(t.toolName);
    }
    const chosen = TOOLS.find((t) => t.name === tool)!;
    group.setToolActive(chosen.toolName, {
      bindings: [
        { mouseButton: ToolEnums.MouseBindings.Primary },
        ...(chosen.name === 'pan' ? [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] : []),
        ...(chosen.name === 'zoom' ? [{ mouseButton: ToolEnums.MouseBindings.Secondary }] : []),
      ],
    });
    if (tool !== 'pan') group.setToolActive(TOOLS.find((t) => t.name === 'pan')!.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Auxiliary }] });
    if (tool !== 'zoom') group.setToolActive(TOOLS.find((t) => t.name === 'zoom')!.toolName, { bindings: [{ mouseButton: ToolEnums.MouseBindings.Secondary }] });
  }, [tool, shown === null]);

  useEffect(() => {
    const el = element.current;
    if (!el || !shown) return;
    if (playing) toolUtilities.cine.playClip(el, { framesPerSecond: speed, loop: true });
    else toolUtilities.cine.stopClip(el);
  }, [playing, speed, shown === null]);

  const act = useCallback((change: (viewport: Types.IStackViewport) => void) => {
    const viewport = viewportRef.current;
    if (!viewport || viewport.getImageIds().length === 0) return;
    change(viewport);
    viewport.render();
  }, []);

  const goTo = useCallback((index: number) => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const last = viewport.getImageIds().length - 1;
    void viewport.setImageIdIndex(Math.min(Math.max(0, index), last));
  }, []);

  const actualSize = () =>
    act((viewport) => {
      const id = viewport.getCurrentImageId();
      const spacing = id ? pixelSpacing(id) : null;
      const canvas = viewport.canvas;
      // One image pixel to one screen pixel: half the canvas height, in millimetres of the image.
      viewport.setCamera({ parallelScale: (canvas.clientHeight / 2) * (spacing?.row ?? 1) });
    });
  const fit = () =>
    act((viewport) => {
      const presentation = viewport.getViewPresentation();
      viewport.resetCamera();
      viewport.setViewPresentation({ rotation: presentation.rotation ?? 0, flipHorizontal: !!presentation.flipHorizontal, flipVertical: !!presentation.flipVertical });
    });
  const reset = () =>
    act((viewport) => {
      viewport.resetProperties();
      viewport.resetCamera();
      viewport.setViewPresentation({ rotation: 0, flipHorizontal: false, flipVertical: false });
    });
  const preset = (name: string) => {
    const chosen = PRESETS.find((p) => p.name === name);
    act((viewport) => {
      if (!chosen) viewport.resetProperties();
      else viewport.setProperties({ voiRange: { lower: chosen.center - chosen.width / 2, upper: chosen.center + chosen.width / 2 } });
    });
  };

  const onKey = (e: ReactKeyboardEvent) => {
    // A list, a slider and text fields keep their own keys; everywhere else in the viewer the keys below work.
    const own = e.target instanceof HTMLSelectElement || (e.target instanceof HTMLInputElement && e.target.type !== 'checkbox');
    if (own || e.altKey || e.ctrlKey || e.metaKey) return;
    if (!shown) return;
    const step = Math.max(1, Math.round(shown.count / 10));
    const keys: Record<string, () => void> = {
      ArrowDown: () => goTo(shown.index + 1),
      ArrowRight: () => goTo(shown.index + 1),
      ArrowUp: () => goTo(shown.index - 1),
      ArrowLeft: () => goTo(shown.index - 1),
      PageDown: () => goTo(shown.index + step),
      PageUp: () => goTo(shown.index - step),
      Home: () => goTo(0),
      End: () => goTo(shown.count - 1),
      i: () => act((v) => v.setProperties({ invert: !v.getProperties().invert })),
      r: reset,
      f: fit,
      o: () => setOverlays((o) => !o),
      p: () => setPlaying((p) => !p),
    };
    const run = keys[e.key];
    if (!run) return;
    // Buttons keep Space/Enter; the arrows move through the slices wherever focus is in the viewer.
    e.preventDefault();
    run();
  };

  const isCt = series?.modality === 'CT';
  const title = study ? t('viewer.title', { description: study.description ?? t('viewer.imagingStudy'), date: study.studyDate ? formatDate(study.studyDate) : 'none' }) : t('viewer.opening');
  const imageLabel = shown
    ? t('viewer.imageLabel', { kind: modalityLabel(series?.modality ?? null), n: shown.index + 1, count: shown.count, window: shown.window ? 'yes' : 'no', width: shown.window?.width ?? 0, level: shown.window?.center ?? 0 })
    : t('viewer.imageLoading');

  return (
    <div className="scan-viewer" onKeyDown={onKey}>
      <header className="scan-header">
        <button type="button" className="scan-back" onClick={() => navigate({ name: 'document', id: route.studyId })}>
          {t('viewer.back')}
        </button>
        <h1>{title}</h1>
        {study && <p className="scan-patient">{formatPersonName(study.patientName)}</p>}
      </header>
      <div className="scan-body">
        <nav className="scan-strip" aria-label={t('viewer.seriesList')}>
          <ul>
            {study?.series.map((s) => (
              <SeriesButton key={s.id} series={s} current={s.id === seriesId} onOpen={() => navigate({ name: 'viewer', studyId: route.studyId, seriesId: s.id })} />
            ))}
          </ul>
        </nav>
        <section className="scan-main" aria-label={t('viewer.viewer')}>
          <div className="scan-toolbar" role="toolbar" aria-label={t('viewer.tools')}>
            <div className="scan-group" role="group" aria-label={t('viewer.leftButton')}>
              {TOOLS.filter((x) => x.button).map((x) => (
                <button key={x.name} type="button" aria-pressed={tool === x.name} onClick={() => setTool(x.name)} title={t('viewer.toolHint', { name: x.name })}>
                  {t('viewer.tool', { name: x.name })}
                </button>
              ))}
            </div>
            <label className="scan-preset">
              {t('viewer.preset')}
              <select onChange={(e) => preset(e.target.value)} defaultValue="" disabled={!shown}>
                <option value="">{t('viewer.asFileSays')}</option>
                {PRESETS.map((p) => (
                  <option key={p.name} value={p.name} disabled={!isCt}>
                    {t('viewer.presetOption', { name: p.name.replace('-', '_'), width: p.width, level: p.center, ct: isCt ? 'yes' : 'no' })}
                  </option>
                ))}
              </select>
            </label>
            <div className="scan-group" role="group" aria-label={t('viewer.picture')}>
              <button type="button" aria-pressed={!!shown?.invert} onClick={() => act((v) => v.setProperties({ invert: !v.getProperties().invert }))} disabled={!shown}>
                {t('viewer.invert')}
              </button>
              <button type="button" onClick={() => act((v) => v.setViewPresentation({ rotation: ((v.getViewPresentation().rotation ?? 0) + 90) % 360 }))} disabled={!shown}>
                {t('viewer.rotate')}
              </button>
              <button type="button" onClick={() => act((v) => v.setViewPresentation({ flipHorizontal: !v.getViewPresentation().flipHorizontal }))} disabled={!shown}>
                {t('viewer.flip')}
              </button>
              <button type="button" onClick={fit} disabled={!shown}>
                {t('viewer.fit')}
              </button>
              <button type="button" onClick={actualSize} disabled={!shown}>
                1:1
              </button>
              <button type="button" onClick={reset} disabled={!shown}>
                {t('viewer.reset')}
              </button>
            </div>
            <div className="scan-group" role="group" aria-label={t('viewer.play')}>
              <button type="button" aria-pressed={playing} onClick={() => setPlaying((p) => !p)} disabled={!shown || shown.count < 2}>
                {playing ? t('viewer.pause') : t('viewer.play')}
              </button>
              <label>
                <span className="visually-hidden">{t('viewer.speed')}</span>
                <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label={t('viewer.speedLabel')}>
                  {SPEEDS.map((s) => (
                    <option key={s} value={s}>
                      {t('viewer.perSecond', { count: s })}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <label className="scan-switch">
              <input type="checkbox" checked={overlays} onChange={(e) => setOverlays(e.target.checked)} /> {t('viewer.details')}
            </label>
          </div>

          <div className="scan-stage">
            {problem || images?.cannotDraw ? (
              <div className="scan-problem" role="alert">
                <p>{problem ?? images?.cannotDraw}</p>
              </div>
            ) : (
              <div className="scan-canvas" ref={element} tabIndex={0} role="img" aria-label={imageLabel} aria-describedby="scan-keys" onContextMenu={(e) => e.preventDefault()} />
            )}
            {shown && failures.has(shown.index) && (
              <div className="scan-problem scan-image-failed" role="alert">
                <p>
                  {t('viewer.imageNotDrawn', { n: shown.index + 1 })} {say(failures.get(shown.index)!, language)}
                </p>
              </div>
            )}
            {!shown && !problem && !images?.cannotDraw && (
              <p className="scan-loading" role="status">
                {t('viewer.openingImages')}
              </p>
            )}
            {overlays && shown && study && (
              <div className="scan-overlay" aria-hidden="true">
                <div className="corner top-left">
                  <span>{formatPersonName(study.patientName)}</span>
                  {study.patientId && <span>{t('viewer.id', { id: study.patientId })}</span>}
                  {study.patientBirthDate && <span>{t('viewer.born', { date: formatDate(study.patientBirthDate) })}</span>}
                </div>
                <div className="corner top-right">
                  {study.studyDate && <span>{formatDate(study.studyDate)}</span>}
                  {study.description && <span>{study.description}</span>}
                  {series && <span>{t('viewer.series', { number: series.number ?? 'none', name: series.description ?? modalityLabel(series.modality) })}</span>}
                </div>
                <div className="corner bottom-left">
                  <span>{t('viewer.imageOf', { n: shown.index + 1, count: shown.count })}</span>
                  {shown.location !== null && <span>{t('viewer.position', { mm: Number(shown.location.toFixed(1)) })}</span>}
                  {shown.thickness !== null && <span>{t('viewer.thickness', { mm: Number(shown.thickness.toFixed(2)) })}</span>}
                </div>
                <div className="corner bottom-right">
                  {shown.window && (
                    <span>
                      W {shown.window.width} L {shown.window.center}
                    </span>
                  )}
                  <span>{t('viewer.zoom', { zoom: shown.zoom })}</span>
                  {shown.rotation ? <span>{t('viewer.rotated', { degrees: shown.rotation })}</span> : null}
                </div>
              </div>
            )}
          </div>

          <div className="scan-slider">
            <label htmlFor="scan-slice">{t('viewer.image')}</label>
            <input
              id="scan-slice"
              type="range"
              min={1}
              max={Math.max(1, shown?.count ?? 1)}
              value={(shown?.index ?? 0) + 1}
              disabled={!shown || shown.count < 2}
              onChange={(e) => goTo(Number(e.target.value) - 1)}
              aria-valuetext={shown ? t('viewer.imageValue', { n: shown.index + 1, count: shown.count }) : undefined}
            />
            <output htmlFor="scan-slice">{shown ? [shown.index + 1, shown.count].join(' / ') : '–'}</output>
          </div>
          <p id="scan-keys" className="scan-keys">
            {t('viewer.keys', { drag: t('viewer.toolHint', { name: tool }).toLocaleLowerCase() })}
          </p>
          {(images?.leftOut.length ?? 0) > 0 && (
            <details className="scan-left-out">
              <summary>{t('viewer.leftOut', { count: images!.leftOut.length })}</summary>
              <ul>
                {images!.leftOut.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </details>
          )}
          {failures.size > 0 && (
            <details className="scan-failures">
              <summary>{t('viewer.failures', { count: failures.size })}</summary>
              <ul>
                {[...failures].map(([index, why]) => (
                  <li key={index}>
                    {t('viewer.failure', { n: index + 1, why: say(why, language) })}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>
      </div>
    </div>
  );
}
