/**
 * IHE XDM downloads (what MyChart and other portals give as "download my record"): a ZIP whose
 * IHE_XDM/<subset>/METADATA.XML lists the documents it holds. Every file is read anyway (an index can
 * be stale, as a disc's is); the index is read to say which listed documents are missing.
 */
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { ImportOutcome } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { refusal } from '../../shared/import-types.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', removeNSPrefix: true, processEntities: false, isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute });

type Node = Record<string, unknown>;

/** The URIs (file paths relative to the index's folder) METADATA.XML gives its documents. */
function xdmDocumentUris(xml: string): string[] {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return [];
  const uris: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    for (const [key, value] of Object.entries(n)) {
      if (key === 'ExtrinsicObject') {
        for (const object of value as Node[]) {
          for (const slot of (object.Slot as Node[] | undefined) ?? []) {
            if (slot['@_name'] !== 'URI') continue;
            const values = ((slot.ValueList as Node[] | undefined)?.[0]?.Value as unknown[] | undefined) ?? [];
            // A long URI is split over several values, each "n|part".
            const parts = values.map(String);
            const uri = parts.every((p) => /^\d+\|/.test(p)) ? parts.map((p) => p.replace(/^\d+\|/, '')).join('') : parts[0];
            if (uri) uris.push(uri);
          }
        }
      } else if (typeof value === 'object') visit(value);
    }
  };
  try {
    visit(parser.parse(xml));
  } catch {
    return [];
  }
  return uris;
}

export class XdmIndex {
  private readonly lists: { readonly folder: string; readonly uris: readonly string[]; readonly indexPath: string }[] = [];

  listed(indexPath: string, bytes: Uint8Array): void {
    const xml = new TextDecoder('utf-8').decode(bytes);
    this.lists.push({ folder: path.dirname(indexPath), uris: xdmDocumentUris(xml), indexPath });
  }

  /** A refusal for each document an index lists that the import did not find (`found`: the path of every file it met). */
  outcomes(found: ReadonlySet<string>): ImportOutcome[] {
    const paths = found;
    return this.lists.flatMap(({ folder, uris, indexPath }) =>
      uris
        .map((uri) => path.join(folder, uri))
        .filter((p) => !paths.has(p))
        .map((p): ImportOutcome => ({ status: 'refused', path: p, ...refusal('not-found', said('xdm-missing', { index: path.basename(indexPath) })) })),
    );
  }
}
