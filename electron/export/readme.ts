/**
 * The bundle's way in for anyone, on any computer: README.TXT (plain text) and INDEX.HTM (a page any
 * browser opens from the disk, no scripts, no network), both pointing at the packet first.
 */
import { ENCRYPTED_ZIP_TOOLS } from '../../shared/export-types.ts';
import { formatDate, plural } from '../../shared/format.ts';
import { listedTitle } from './gather.ts';
import type { CaseBundleInput } from './gather.ts';
import type { ManifestFile } from './manifest.ts';
import type { Packet } from './packet.ts';

/** What README.TXT says of the packet as a file: tagged for screen readers, and why it makes no PDF/A claim. */
function packetFileLines(packet: Pick<Packet, 'fontsNotEmbedded'>): string[] {
  const which = packet.fontsNotEmbedded.map((d) => `D${d.document} (${d.title}): ${d.fonts.join(', ')}`);
  return [
    `ABOUT THE PACKET AS A FILE`,
    `  The packet is a tagged PDF: a screen reader reads its own pages (cover, summary, timeline, lab`,
    `  results, index) in order, and its charts and images have alternate text. The enclosed documents'`,
    `  pages are copied as they came.`,
    ...(which.length
      ? [
          `  It is not PDF/A (archival PDF) and does not claim to be: PDF/A requires every font to be in the`,
          `  file, and these documents' pages use fonts their own files do not carry (your PDF reader draws`,
          `  them with a font of its own, as it does for the original):`,
          ...which.map((w) => `    ${w}`),
        ]
      : [`  It makes no PDF/A (archival PDF) claim: no PDF/A validator checked it.`]),
  ];
}

export function readmeText(input: CaseBundleInput, options: { packetFile: string; encrypted: boolean; withImages: boolean; packet: Pick<Packet, 'fontsNotEmbedded'> }): string {
  const who = input.specialist ? `${input.specialist.name}${input.specialist.institution ? `, ${input.specialist.institution}` : ''}` : `a specialist in ${input.specialtyLabel.toLowerCase()}`;
  const lines = [
    `SECOND OPINION CASE BUNDLE`,
    ``,
    `Patient:       ${input.patient.name}${input.patient.dateOfBirth ? ` (born ${formatDate(input.patient.dateOfBirth)})` : ''}`,
    `Prepared for:  ${who}`,
    `Decision:      ${input.decision}`,
    `Prepared on:   ${formatDate(input.today)} with Casebinder`,
    ``,
    `START HERE`,
    `  ${options.packetFile}`,
    `  One PDF to read first: the patient's summary and questions, a timeline, medications, lab results,`,
    `  an index, and every enclosed document (${plural(input.documents.length, 'document')}), with bookmarks.`,
    ...(options.encrypted ? [`  The packet is protected with a password (AES-256); the patient gives it to you separately.`] : []),
    ``,
    `WHAT ELSE IS HERE`,
    `  INDEX.HTM       This list as a web page with links; open it in any browser.`,
    `  Originals/      Each document exactly as the patient received it (byte for byte), named`,
    `                  "date type - title".`,
    ...(options.withImages
      ? [`  DICOMDIR        The imaging studies, as the original DICOM files in DICOM/. Open DICOMDIR with`, `  DICOM/          any DICOM viewer (Horos, OsiriX, RadiAnt, Weasis, MicroDicom...), as you would a CD.`]
      : input.documents.some((d) => d.study)
        ? [`                  The imaging studies' files are not included (reports only); the packet lists their series.`]
        : []),
    `  manifest.json   Every file with its size and SHA-256 fingerprint, to check nothing was changed.`,
    `  FHIR/           The case as a FHIR R4 document Bundle (bundle.json) for health record systems.`,
    `  IHE_XDM/        The documents in the IHE XDM layout, which hospital systems can import.`,
    ``,
    `If this bundle came as several ZIP files ("part 1 of 3"...), unzip all of them into the same folder`,
    `first: each part holds only some of the files, and a hospital system reads the IHE_XDM documents as`,
    `XDM media only once the parts are together.`,
    ...(options.encrypted ? [ENCRYPTED_ZIP_TOOLS] : []),
    ``,
    ...packetFileLines(options.packet),
    ``,
    `Nothing in this bundle runs a program or needs the internet.`,
    ``,
  ];
  return lines.join('\n');
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function href(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/');
}

export function indexHtml(input: CaseBundleInput, options: { packetFile: string; files: readonly ManifestFile[]; packet: Omit<Packet, 'bytes'> }): string {
  const originals = input.documents.map((d, i) => {
    const file = d.bundlePath ?? (options.files.some((f) => f.path === 'DICOMDIR') ? 'DICOMDIR' : null);
    const page = options.packet.documentStarts[i]! + 1;
    const link = file ? `<a href="${esc(href(file))}">${esc(d.bundlePath ? d.bundlePath.replace(/^Originals\//, '') : 'DICOMDIR (open with a DICOM viewer)')}</a>` : 'Images not included';
    return `<tr><td>${d.number}</td><td>${esc(d.date ? formatDate(d.date) : 'Undated')}</td><td>${esc(d.typeLabel)}</td><td>${esc(d.facility ?? '')}</td><td>${esc(listedTitle(d))}</td><td>${page}</td><td>${link}</td></tr>`;
  });
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Case bundle: ${esc(input.patient.name)}</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1f; line-height: 1.45; }
h1 { margin-bottom: 0.2rem; } .muted { color: #5d636e; }
.start { display: inline-block; margin: 1rem 0; padding: 0.8rem 1.2rem; background: #1c5489; color: #fff; border-radius: 6px; text-decoration: none; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; } th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #d8dbe0; vertical-align: top; }
th { color: #5d636e; font-weight: 600; }
</style>
</head>
<body>
<p class="muted">Second opinion case bundle</p>
<h1>${esc(input.patient.name)}</h1>
<p class="muted">${input.patient.dateOfBirth ? `Born ${esc(formatDate(input.patient.dateOfBirth))} · ` : ''}Prepared ${esc(formatDate(input.today))}${input.specialist ? ` for ${esc(input.specialist.name)}${input.specialist.institution ? `, ${esc(input.specialist.institution)}` : ''}` : ''}</p>
<p><strong>The decision:</strong> ${esc(input.decision)}</p>
<p><a class="start" href="${esc(href(options.packetFile))}">Open the case packet (PDF, ${options.packet.pages} pages)</a></p>
<h2>Enclosed documents</h2>
<table>
<thead><tr><th>#</th><th>Date</th><th>Type</th><th>Facility</th><th>Title</th><th>Packet page</th><th>Original</th></tr></thead>
<tbody>
${originals.join('\n')}
</tbody>
</table>
<h2>For computers</h2>
<ul>
<li><a href="manifest.json">manifest.json</a>: every file with its size and SHA-256 fingerprint</li>
<li><a href="FHIR/bundle.json">FHIR/bundle.json</a>: the case as a FHIR R4 document Bundle</li>
${options.files.some((f) => f.role === 'xdm-metadata') ? '<li><a href="IHE_XDM/SUBSET01/METADATA.XML">IHE_XDM/SUBSET01/METADATA.XML</a>: the documents in the IHE XDM layout</li>' : ''}
${options.files.some((f) => f.path === 'DICOMDIR') ? '<li><a href="DICOMDIR">DICOMDIR</a>: the imaging studies (DICOM), for a DICOM viewer</li>' : ''}
</ul>
<p class="muted">Read README.TXT for more. Nothing here runs a program or needs the internet.</p>
</body>
</html>
`;
}
