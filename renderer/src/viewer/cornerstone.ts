/**
 * Cornerstone3D, started once for the window: the core renderer (WebGL2, or the CPU where WebGL is
 * missing), the DICOM image loader (its WebAssembly decoders run in web workers; vite.config.ts ships
 * them beside the window) and the tools the viewer offers. Images are read from the library through
 * the app's own origin (app://casebinder/dicom/instances/<id>), never from a file path.
 */
import { init as coreInit, imageLoader, metaData, utilities } from '@cornerstonejs/core';
import { init as loaderInit } from '@cornerstonejs/dicom-image-loader';
import { AngleTool, addTool, init as toolsInit, LengthTool, PanTool, StackScrollTool, WindowLevelTool, ZoomTool } from '@cornerstonejs/tools';
import { DICOM_INSTANCE_PATH } from '../../../shared/imaging.ts';
import type { SeriesImage } from '../../../shared/imaging.ts';

let started = false;

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

/** Starts Cornerstone3D the first time the viewer opens (the rest of the window never pays for it). */
export function startCornerstone(): void {
  if (started) return;
  started = true;
  coreInit();
  listenToDrawingErrors();
  // Two decoders at most: the machines this runs on may have two cores, and the window must stay responsive.
  loaderInit({ maxWebWorkers: Math.max(1, Math.min(2, (navigator.hardwareConcurrency || 2) - 1)) });
  toolsInit();
  for (const tool of [WindowLevelTool, StackScrollTool, ZoomTool, PanTool, LengthTool, AngleTool]) addTool(tool);
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
 * Loads an image once, outside the cache, ahead of drawing the stack: a decoder's failure on the first
 * image is then told in words (the cache would keep the failed load and report it nowhere).
 */
export function probeImage(imageId: string): Promise<unknown> {
  return imageLoader.loadImage(imageId);
}

/** The image's pixel spacing in millimetres (row, column), when the file says. */
export function pixelSpacing(imageId: string): { row: number; column: number } | null {
  const plane = metaData.get('imagePlaneModule', imageId) as { rowPixelSpacing?: number | null; columnPixelSpacing?: number | null } | undefined;
  if (!plane?.rowPixelSpacing || !plane.columnPixelSpacing) return null;
  return { row: plane.rowPixelSpacing, column: plane.columnPixelSpacing };
}
