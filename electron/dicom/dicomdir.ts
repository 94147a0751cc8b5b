/**
 * A disc's DICOMDIR: the index of the images on a CD or DVD. It is read only to learn which files it
 * lists, so an import can say when some are missing; every file on the disc is looked at anyway,
 * because DICOMDIRs are often stale or wrong.
 */
import dicomParser from 'dicom-parser';
import type { DataSet } from 'dicom-parser';

export interface DicomdirListing {
  /** The files it lists, as paths relative to the DICOMDIR's folder, with "/" between parts. */
  readonly files: readonly string[];
  readonly patients: number;
  readonly studies: number;
  readonly series: number;
}

const RECORDS = 'x00041220';

function latin1(dataSet: DataSet, tag: string): string | undefined {
  const element = dataSet.elements[tag];
  if (!element || element.length <= 0) return undefined;
  const bytes = dataSet.byteArray.subarray(element.dataOffset, element.dataOffset + element.length);
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\0 ]+$/, '');
}

/** Reads a DICOMDIR's records; says in words what is wrong when it cannot. */
export function readDicomdir(bytes: Uint8Array): DicomdirListing | { readonly problem: string } {
  let dataSet: DataSet;
  try {
    dataSet = dicomParser.parseDicom(bytes, {
      // Implicit-VR DICOMDIRs do not say that the record list is a sequence.
      vrCallback: ((tag: string) => (tag === RECORDS ? 'SQ' : undefined)) as unknown as (tag: string) => void,
    });
  } catch (error) {
    const text = typeof error === 'string' ? error : error && typeof error === 'object' && 'exception' in error ? String(error.exception) : String(error);
    return { problem: `it is damaged (${text})` };
  }
  const records = dataSet.elements[RECORDS]?.items;
  if (!records) return { problem: 'it lists no records' };
  const files: string[] = [];
  const counts = { patients: 0, studies: 0, series: 0 };
  for (const item of records) {
    const record = item.dataSet;
    if (!record) continue;
    const type = latin1(record, 'x00041430')?.trim().toUpperCase();
    if (type === 'PATIENT') counts.patients++;
    else if (type === 'STUDY') counts.studies++;
    else if (type === 'SERIES') counts.series++;
    const id = latin1(record, 'x00041500');
    if (id) files.push(id.split('\\').map((part) => part.trim()).filter(Boolean).join('/'));
  }
  return { files, ...counts };
}

/**
 * The key under which a listed file and a file found on disk meet: discs use upper-case ISO 9660
 * names, sometimes with a ";1" version, which a computer may show in lower case.
 */
export function discPathKey(relativePath: string): string {
  return relativePath
    .split(/[\\/]/)
    .map((part) => part.replace(/;\d+$/, '').replace(/\.$/, '').toUpperCase())
    .join('/');
}
