/**
 * The values a non-image directory record repeats from its file (a structured report's completion and
 * verification flags, content date and title; a presentation state's label...), read from the copy in
 * the bundle. Only such objects are read (reports, presentation states, RT objects: small files).
 */
import fsp from 'node:fs/promises';
import { DicomText, readWholeDataSet } from '../dicom/header.ts';
import { recordKeyTags } from './dicomdir.ts';
import type { CodedConcept, RecordKeys } from './dicomdir.ts';

function concept(text: DicomText, tag: string): CodedConcept | null {
  const item = text.dataSet.elements[tag]?.items?.[0]?.dataSet;
  if (!item) return null;
  const inner = new DicomText(item, text.specificCharacterSet);
  const value = inner.text('x00080100', 'SH');
  const scheme = inner.text('x00080102', 'SH');
  const meaning = inner.text('x00080104');
  return value && scheme && meaning ? { value, scheme, meaning } : null;
}

export async function recordKeys(file: string, recordType: string): Promise<RecordKeys> {
  const read = readWholeDataSet(new Uint8Array(await fsp.readFile(file)));
  if ('problem' in read) return {};
  const keys: Record<string, string | CodedConcept | null> = {};
  for (const { keyword, tag, vr } of recordKeyTags(recordType)) keys[keyword] = vr === 'SQ' ? concept(read.text, tag) : read.text.text(tag, vr);
  // A verified report's date and time of verification sit in its last Verifying Observer item.
  if ('VerificationDateTime' in keys && !keys.VerificationDateTime) {
    const observers = read.text.dataSet.elements.x0040a073?.items ?? [];
    const last = observers.at(-1)?.dataSet;
    keys.VerificationDateTime = last ? new DicomText(last, read.text.specificCharacterSet).text('x0040a030', 'DT') : null;
  }
  return keys;
}
