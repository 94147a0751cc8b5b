/**
 * A Key Object Selection document (DICOM PS3.3 A.35.4, template TID 2010 titled "Manifest") for each
 * imaging study in a bundle: the way IHE XDS-I.b lists a study's images to a registry. It names the
 * study and every image in it by UID; the images themselves are the bundle's DICOM files, found through
 * its DICOMDIR. Written with dcmjs (a DICOM library, MIT), checked in the tests with dciodvfy.
 */
import dcmjs from 'dcmjs';
import { KOS_FORMAT } from './codes.ts';
import type { DicomdirStudy } from './dicomdir.ts';
import { CASEBINDER_IMPLEMENTATION } from './dicomdir.ts';

export const KOS_SOP_CLASS = KOS_FORMAT.code;
const EXPLICIT_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** The content item's value type for what a reference points at (PS3.3 C.17.3.2.1). */
function valueType(sopClassUid: string): 'IMAGE' | 'WAVEFORM' | 'COMPOSITE' {
  if (sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.9.')) return 'WAVEFORM';
  // Reports, presentation states, encapsulated documents, RT and other objects that are no image.
  if (/^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(88|11|104|481|66)\./.test(sopClassUid) || sopClassUid === '1.2.840.10008.5.1.4.1.1.66') return 'COMPOSITE';
  return 'IMAGE';
}

const dicomDate = (iso: string | null): string => (iso ? iso.replace(/-/g, '') : '');

export interface KosOptions {
  readonly sopInstanceUid: string;
  readonly seriesInstanceUid: string;
  /** When the export was made: the document's content date and time. */
  readonly now: Date;
}

/** The KOS of one study, as a DICOM Part 10 file (explicit VR little endian, UTF-8 text). */
export function writeKos(study: DicomdirStudy, options: KosOptions): Buffer {
  const { sopInstanceUid, seriesInstanceUid, now } = options;
  const stamp = now.toISOString();
  const contentDate = stamp.slice(0, 10).replace(/-/g, '');
  const contentTime = stamp.slice(11, 19).replace(/:/g, '');
  const images = study.series.flatMap((s) => s.images);
  const dataset = {
    SpecificCharacterSet: 'ISO_IR 192',
    InstanceCreationDate: contentDate,
    InstanceCreationTime: contentTime,
    SOPClassUID: KOS_SOP_CLASS,
    SOPInstanceUID: sopInstanceUid,
    StudyDate: dicomDate(study.studyDate),
    ContentDate: contentDate,
    StudyTime: study.studyTime ?? '',
    ContentTime: contentTime,
    AccessionNumber: study.accessionNumber ?? '',
    Modality: 'KO',
    Manufacturer: 'Casebinder',
    ReferringPhysicianName: '',
    StudyDescription: study.description ?? '',
    SeriesDescription: 'Images in this bundle',
    ReferencedPerformedProcedureStepSequence: [],
    PatientName: study.patientName,
    PatientID: study.patientId,
    PatientBirthDate: dicomDate(study.patientBirthDate),
    PatientSex: '',
    StudyInstanceUID: study.studyInstanceUid,
    SeriesInstanceUID: seriesInstanceUid,
    StudyID: study.studyId ?? '',
    // Above any series number a scanner gives, so the manifest sorts after the images it lists.
    SeriesNumber: 9999,
    InstanceNumber: 1,
    ValueType: 'CONTAINER',
    ConceptNameCodeSequence: [{ CodeValue: '113030', CodingSchemeDesignator: 'DCM', CodeMeaning: 'Manifest' }],
    ContinuityOfContent: 'SEPARATE',
    ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: '2010' }],
    CurrentRequestedProcedureEvidenceSequence: [
      {
        StudyInstanceUID: study.studyInstanceUid,
        ReferencedSeriesSequence: study.series
          .filter((s) => s.images.length)
          .map((s) => ({
            SeriesInstanceUID: s.seriesInstanceUid,
            ReferencedSOPSequence: s.images.map((i) => ({ ReferencedSOPClassUID: i.sopClassUid, ReferencedSOPInstanceUID: i.sopInstanceUid })),
          })),
      },
    ],
    ContentSequence: images.map((i) => ({
      RelationshipType: 'CONTAINS',
      ValueType: valueType(i.sopClassUid),
      ReferencedSOPSequence: [{ ReferencedSOPClassUID: i.sopClassUid, ReferencedSOPInstanceUID: i.sopInstanceUid }],
    })),
  };
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: KOS_SOP_CLASS,
    MediaStorageSOPInstanceUID: sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_LITTLE_ENDIAN,
    ImplementationClassUID: CASEBINDER_IMPLEMENTATION.classUid,
    ImplementationVersionName: CASEBINDER_IMPLEMENTATION.versionName,
  };
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return Buffer.from(dict.write());
}
