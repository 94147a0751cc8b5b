/**
 * The viewer's reads: one DICOM instance's bytes from the vault, at app://casebinder/dicom/instances/<id>,
 * the way the window's image loader fetches them. Only library instance numbers are accepted (never a
 * path), nothing is served while the library is locked, and responses are never cached: the bytes of an
 * encrypted library leave the vault decrypted for the window and nowhere else.
 */
import { CasebinderError } from '../../shared/errors.ts';
import { DICOM_INSTANCE_PATH } from '../../shared/imaging.ts';
import { forViewing } from '../dicom/header.ts';
import type { Library } from '../library/library.ts';
import { readOriginal } from '../library/sealed.ts';

const HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } as const;

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** Whether a request on the app's origin is the viewer's (the desktop protocol hands those here). */
export function isDicomRequest(url: string): boolean {
  return new URL(url).pathname.startsWith(DICOM_INSTANCE_PATH);
}

/** The instance's file as the window's DICOM reader wants it (wrapped or inflated in memory when it must be; see forViewing). */
export async function dicomInstanceResponse(library: () => Library, url: string, method = 'GET'): Promise<Response> {
  if (method !== 'GET') return plain(405, 'Only reads are served.');
  const match = new URL(url).pathname.slice(DICOM_INSTANCE_PATH.length).match(/^([1-9]\d{0,15})$/);
  if (!match) return plain(404, 'Not an image of the library.');
  try {
    const open = library();
    const { sha256 } = open.studies.instanceFile(Number(match[1]));
    const bytes = forViewing(new Uint8Array(await readOriginal(open.vault.ref(sha256))));
    return new Response(bytes as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...HEADERS, 'content-type': 'application/dicom', 'content-length': String(bytes.byteLength) } });
  } catch (error) {
    if (error instanceof CasebinderError) return plain(error.code === 'library-locked' ? 423 : error.code === 'not-found' ? 404 : 409, error.message);
    return plain(500, `The image could not be read from the library: ${(error as Error).message}`);
  }
}
