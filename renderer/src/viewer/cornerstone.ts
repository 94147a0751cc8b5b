/**
 * Cornerstone3D, started once for the window: the core renderer (WebGL2, or the CPU where WebGL is
 * missing), the DICOM image loader (its WebAssembly decoders run in web workers; vite.config.ts ships
 * them beside the window) and the tools the viewer offers. Images are read from the library through
 * the app's own origin (app://casebinder/dicom/instances/<id>), never from a file path.
 */
import { cache, init as coreInit, imageLoader, metaData, RenderingEngine, utilities } from '@cornerstonejs/core';
import { init as loaderInit } from '@cornerstonejs/dicom-image-loader';
import { AngleTool, addTool, init as toolsInit, LengthTool, PanTool, StackScrollTool, WindowLevelTool, ZoomTool } from '@cornerstonejs/tools';
import { DICOM_INSTANCE_PATH } from '../../../shared/imaging.ts';
import type { SeriesImage } from '../../../shared/imaging.ts';

let engine: RenderingEngine | null = null;

/** The rendering engine's id: the window has one, whose viewport the viewer's canvas is. */
export const ENGINE = 'casebinder-viewer';

const drawingErrors = new Set<(message: string) => void>();

/**
 * Cornerstone3D's stack viewport logs, rather than throws, when it cannot build an image it decoded
 * (pixel data that does not fit the image, as with odd-sized colour images), and goes on showing the
 * previous picture. Its logger's errors are passed to the viewer, which marks the image as not drawn.
 */
function listenToDrawingErrors(): void {
  // A loglevel logger (through dcmjs), whose plugin hook is its methodFactory.
  type Write = (...args: unknown[]) => void;
  const logger = utilities.logger.getLogger('cs3d.core.RenderingEngine.StackViewport') as unknown as {
    methodFactory: (method: string, level: number, name: string | symbol) => Write;
    rebuild(): void;
  };
  const make = logger.methodFactory;
  logger.methodFactory = (method: string, level: number, name: string | symbol): Write => {
    const write = make(method, level, name);
    if (method !== 'error') return write;
    return (...args: unknown[]) => {
      const message = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
      for (const listener of drawingErrors) listener(message);
      write(...args);
    };
  };
  logger.rebuild();
}

/** Tells `listener` of every image the stack viewport could not build; returns how to stop. */
export function onDrawingError(listener: (message: string) => void): () => void {
  drawingErrors.add(listener);
  return () => drawingErrors.delete(listener);
}

/**
 * Starts Cornerstone3D when the viewer's code first loads (the rest of the window never pays for it):
 * the core, one or two decoder workers, the tools, and the window's rendering engine, which is made
 * once and kept (making one sets up its drawing context, a tenth of a second on these machines).
 */
export function startCornerstone(): RenderingEngine {
  if (engine) return engine;
  coreInit();
  // Decoded images are kept up to 1 GiB (Cornerstone3D's own default is 3 GiB, too much beside the rest of
  // a laptop's work): two 1,000-slice CT series of 512 x 512 images; the oldest go first.
  cache.setMaxCacheSize(1024 * 1024 * 1024);
  listenToDrawingErrors();
  // Two decoders at most: the machines this runs on may have two cores, and the window must stay responsive.
  loaderInit({ maxWebWorkers: Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1)) });
  toolsInit();
  for (const tool of [WindowLevelTool, StackScrollTool, ZoomTool, PanTool, LengthTool, AngleTool]) addTool(tool);
  engine = new RenderingEngine(ENGINE);
  return engine;
}

/** The image ids of a series, one per frame: wadouri:<app origin>/dicom/instances/<id>[?frame=n]. */
export function imageIdsOf(images: readonly SeriesImage[]): string[] {
  return images.flatMap((image) => {
    const url = new URL(`${DICOM_INSTANCE_PATH.slice(1)}${image.instanceId}`, new URL('/', window.location.href)).href;
    if (image.frames <= 1) return [`wadouri:${url}`];
    return Array.from({ length: image.frames }, (_, i) => `wadouri:${url}?frame=${i + 1}`);
  });
}

/** Where an image sits (the patient position along the stack), from the file's image plane. */
export function slicePosition(imageId: string): { location: number | null; thickness: number | null } {
  const plane = metaData.get('imagePlaneModule', imageId) as { sliceLocation?: number; imagePositionPatient?: number[]; sliceThickness?: number } | undefined;
  const location = plane?.sliceLocation ?? plane?.imagePositionPatient?.[2] ?? null;
  return { location: typeof location === 'number' && Number.isFinite(location) ? location : null, thickness: plane?.sliceThickness ?? null };
}

/**
 * Loads the first image ahead of drawing the stack, so a decoder's failure on it is told in words. It
 * is loaded outside the cache (a failed load in the cache is reported nowhere and leaves an unhandled
 * rejection behind) and put there once decoded, so the stack draws it without reading it twice.
 */
export async function probeImage(imageId: string): Promise<void> {
  const image = await imageLoader.loadImage(imageId);
  if (!cache.getImageLoadObject(imageId)) cache.putImageSync(imageId, image);
}

/** The image's pixel spacing in millimetres (row, column), when the file says. */
export function pixelSpacing(imageId: string): { row: number; column: number } | null {
  const plane = metaData.get('imagePlaneModule', imageId) as { rowPixelSpacing?: number | null; columnPixelSpacing?: number | null } | undefined;
  if (!plane?.rowPixelSpacing || !plane.columnPixelSpacing) return null;
  return { row: plane.rowPixelSpacing, column: plane.columnPixelSpacing };
}
