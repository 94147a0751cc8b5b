/**
 * Case bundles made by Casebinder (export), read back by another Casebinder: the specialist's, or the
 * patient's own on a new computer. A bundle is known by its manifest.json (`format: "casebinder-bundle"`),
 * which lists every file with its role. Only the originals are records: each is imported once, under
 * the title, type, date, facility and clinician the manifest gives it, when its bytes are the ones
 * the manifest names. The packet, the FHIR and XDM copies, README/INDEX, the DICOMDIR and the manifest
 * itself are made from those originals and are skipped, each with its reason. The DICOM files are
 * imported as studies (by UID), whole. A file the manifest lists but the import did not find is said.
 */
import path from 'node:path';
import { isIsoDate } from '../../shared/dates.ts';
import { isDocumentType } from '../../shared/document-types.ts';
import type { DocumentType } from '../../shared/document-types.ts';
import type { ImportOutcome } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal } from '../../shared/import-types.ts';
import type { Said } from '../../shared/said.ts';
import type { DocumentEdit } from '../../shared/library-types.ts';
import { BUNDLE_FILE_ROLES } from '../../shared/export-types.ts';
import type { BundleFileRole } from '../../shared/export-types.ts';
import type { IsoDate } from '../../shared/dates.ts';

/** A manifest larger than this is not one Casebinder wrote (100,000 files list in about 60 MB). */
export const MAX_MANIFEST_BYTES = 128 * 1024 * 1024;
export const MANIFEST_NAME = 'manifest.json';

type Role = BundleFileRole;
const ROLES = new Set<Role>(BUNDLE_FILE_ROLES);

/** What the manifest says of an original: what the library files it under. Fields that fail their checks are left out. */
export interface BundleDocument {
  readonly number: number | null;
  readonly title: string | null;
  readonly type: DocumentType | null;
  readonly date: IsoDate | null;
  readonly facility: string | null;
  readonly clinician: string | null;
}

export interface BundleFile {
  readonly path: string;
  readonly sha256: string | null;
  readonly role: Role;
  readonly document: BundleDocument | null;
  readonly sopInstanceUid: string | null;
}

export interface BundleManifest {
  /** Where the manifest was found, as the person knows it ("…/bundle" or "bundle.zip/manifest.json"). */
  readonly where: string;
  /** By path in the bundle, "/" between parts. */
  readonly files: ReadonlyMap<string, BundleFile>;
}

/** A file found inside a bundle: the bundle, and its path there. */
export interface BundleRef {
  readonly manifest: BundleManifest;
  readonly relativePath: string;
}

const text = (value: unknown, max = 1000): string | null => (typeof value === 'string' && value.trim() && value.length <= max ? value.trim() : null);

function documentOf(value: unknown): BundleDocument | null {
  if (!value || typeof value !== 'object') return null;
  const d = value as Record<string, unknown>;
  const date = text(d.date, 10);
  return {
    number: typeof d.number === 'number' && Number.isInteger(d.number) ? d.number : null,
    title: text(d.title),
    type: isDocumentType(d.typeId) ? d.typeId : null,
    date: date && isIsoDate(date) ? date : null,
    facility: text(d.facility),
    clinician: text(d.clinician),
  };
}

/**
 * The manifest's bundle, or null when the JSON is not a Casebinder bundle's manifest (any program may
 * name a file manifest.json). Nothing in it is trusted beyond what is checked here.
 */
export function parseBundleManifest(bytes: Uint8Array, where: string): BundleManifest | null {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(bytes));
  } catch {
    return null;
  }
  if (!json || typeof json !== 'object') return null;
  const m = json as Record<string, unknown>;
  if (m.format !== 'casebinder-bundle' || !Array.isArray(m.files)) return null;
  const files = new Map<string, BundleFile>();
  for (const f of m.files as unknown[]) {
    if (!f || typeof f !== 'object') continue;
    const entry = f as Record<string, unknown>;
    const p = text(entry.path, 4096);
    if (!p || !ROLES.has(entry.role as Role) || p.split('/').includes('..')) continue;
    const dicom = entry.dicom && typeof entry.dicom === 'object' ? (entry.dicom as Record<string, unknown>) : null;
    files.set(p, {
      path: p,
      sha256: typeof entry.sha256 === 'string' && /^[0-9a-f]{64}$/.test(entry.sha256) ? entry.sha256 : null,
      role: entry.role as Role,
      document: documentOf(entry.document),
      sopInstanceUid: text(dicom?.sopInstanceUid, 64),
    });
  }
  return { where, files };
}

/** The folders (relative, "/" between parts; "" for the top) that may hold a bundle's manifest: the top, or one folder down. */
export function manifestCandidates(relativePaths: readonly string[]): string[] {
  return relativePaths.filter((p) => {
    const parts = p.split('/');
    return parts.length <= 2 && parts.at(-1)!.toLowerCase() === MANIFEST_NAME;
  });
}

/** The bundle a file at `relativePath` belongs to, among bundles found at these folders (deepest first). */
export function bundleOf(relativePath: string, bundles: readonly { readonly folder: string; readonly manifest: BundleManifest }[]): BundleRef | undefined {
  for (const { folder, manifest } of bundles) {
    if (folder === '' || relativePath.startsWith(`${folder}/`)) return { manifest, relativePath: folder === '' ? relativePath : relativePath.slice(folder.length + 1) };
  }
  return undefined;
}

/** Why a file in a bundle is not imported as a record of its own, or undefined when it is one (or unknown to the manifest). */
export function bundleSkipReason(ref: BundleRef): Said | undefined {
  if (ref.relativePath.toLowerCase() === MANIFEST_NAME) return said('bundle-manifest');
  const file = ref.manifest.files.get(ref.relativePath);
  const of = (d: BundleDocument | null) => (d?.number ? { document: d.number, title: d.title || 'none' } : { document: 'none', title: 'none' });
  switch (file?.role) {
    case 'packet':
      return said('bundle-packet');
    case 'fhir':
      return said('bundle-fhir');
    case 'xdm-metadata':
      return said('bundle-xdm-index');
    case 'xdm-document':
      return said('bundle-xdm-copy', of(file.document));
    case 'xdm-manifest':
      return said('bundle-kos', of(file.document));
    case 'readme':
    case 'index':
      return said('bundle-cover');
    case 'dicomdir':
      return said('bundle-dicomdir');
    default:
      return undefined;
  }
}

/** Whether a file in a bundle is one of its originals (a document or an image the person chose to send). */
export function isBundleOriginal(ref: BundleRef | undefined): boolean {
  const role = ref?.manifest.files.get(ref.relativePath)?.role;
  return role === 'original' || role === 'dicom';
}

/**
 * What the library takes from the manifest for an original just imported: its details when the bytes
 * are the ones the manifest names, else nothing and a note saying so.
 */
export function manifestDetails(ref: BundleRef, sha256: string | null): { edit: DocumentEdit | null; note: Said } | null {
  const file = ref.manifest.files.get(ref.relativePath);
  if (!file?.document || file.role !== 'original') return null;
  if (!sha256 || file.sha256 !== sha256) {
    return { edit: null, note: said('bundle-changed', { path: ref.relativePath }) };
  }
  const d = file.document;
  return { edit: editOf(d, true), note: said('bundle-filed', { document: d.number || 'none' }) };
}

/** The details a manifest gives a document, as a change to the library's record (a study's type is its own, so left out). */
function editOf(d: BundleDocument, withType: boolean): DocumentEdit {
  return {
    ...(d.title ? { title: d.title } : {}),
    ...(withType && d.type ? { type: d.type } : {}),
    ...(d.date ? { dateOfService: d.date } : {}),
    ...(d.facility ? { facility: d.facility } : {}),
    ...(d.clinician ? { clinician: d.clinician } : {}),
  };
}

/** Each study the manifest lists: one of its images (to find the study by) and the details it gives the study. */
export function bundleStudies(manifest: BundleManifest): { sopInstanceUid: string; edit: DocumentEdit }[] {
  const byDocument = new Map<number | string, { sopInstanceUid: string; edit: DocumentEdit }>();
  for (const file of manifest.files.values()) {
    if (file.role !== 'dicom' || !file.sopInstanceUid || !file.document) continue;
    const key = file.document.number ?? file.document.title ?? file.sopInstanceUid;
    if (!byDocument.has(key)) byDocument.set(key, { sopInstanceUid: file.sopInstanceUid, edit: editOf(file.document, false) });
  }
  return [...byDocument.values()];
}

/** The bundles one import meets, what it found of each, and the originals it did not find. */
export class BundleIndex {
  private readonly found = new Map<BundleManifest, Set<string>>();

  /** The bundle, once: a manifest read again from the same place (a ZIP looked into before its import) is the one read first. */
  add(manifest: BundleManifest): BundleManifest {
    const known = [...this.found.keys()].find((m) => m === manifest || m.where === manifest.where);
    if (known) return known;
    this.found.set(manifest, new Set());
    return manifest;
  }

  get manifests(): BundleManifest[] {
    return [...this.found.keys()];
  }

  seen(ref: BundleRef): void {
    this.found.get(this.add(ref.manifest))!.add(ref.relativePath);
  }

  /**
   * The bundle an archive without a manifest belongs to: a volume of a bundle split into several ZIPs,
   * whose every file the manifest (read from another volume) lists.
   */
  volumeOf(names: readonly string[]): BundleManifest | undefined {
    if (names.length === 0) return undefined;
    return this.manifests.find((m) => names.every((n) => m.files.has(n)));
  }

  /** One outcome per bundle: what it is, and a refusal for each original it lists that was not found. */
  outcomes(): ImportOutcome[] {
    return [...this.found].flatMap(([manifest, seen]) => {
      const missing = [...manifest.files.values()].filter((f) => (f.role === 'original' || f.role === 'dicom') && !seen.has(f.path));
      return missing.map((f): ImportOutcome => ({ status: 'refused', path: joinWhere(manifest.where, f.path), ...refusal('not-found', said('bundle-missing')) }));
    });
  }
}

/** A path in a bundle, shown beside where its manifest was found. */
function joinWhere(where: string, relativePath: string): string {
  return `${where}${where.endsWith('/') || where.endsWith(path.sep) ? '' : '/'}${relativePath}`;
}
