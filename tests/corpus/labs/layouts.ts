/**
 * Lab reports laid out as labs, hospitals and patient portals print them, each drawn by another program
 * than Casebinder's own (Chromium, WeasyPrint, LibreOffice, groff, enscript, pdf-lib): the lab reader
 * must not depend on one layout or one PDF writer. Each layout gives the source its renderer takes and
 * the truth as printed (flags in the layout's own words; one collection date where the layout prints one).
 */
import type { LabReportTruth, Panel, TruthFlag, TruthRow } from './model.ts';

export type Renderer = 'chromium' | 'weasyprint' | 'libreoffice' | 'groff' | 'enscript' | 'pdf-lib';

export interface Rendering {
  readonly renderer: Renderer;
  /** HTML for the browsers and LibreOffice, roff for groff, plain text for enscript, lines for pdf-lib. */
  readonly source: string;
}

/** A row as the layout printed it: `flag` is the printed word or letter, compared after reading it as a flag. */
export interface PrintedRow extends Omit<TruthRow, 'flag'> {
  readonly flag: string;
}

export interface Layout {
  readonly name: string;
  readonly description: string;
  readonly render: (report: LabReportTruth) => { rendering: Rendering; rows: PrintedRow[] };
}

const US = (iso: string) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${Number(iso.slice(8, 10))}, ${iso.slice(0, 4)}`;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const WORDS: Readonly<Record<TruthFlag, string>> = { '': '', H: 'High', L: 'Low', HH: 'Critical High', LL: 'Critical Low', A: 'Abnormal' };
const LETTERS: Readonly<Record<TruthFlag, string>> = { '': '', H: 'H', L: 'L', HH: 'HH', LL: 'LL', A: 'A' };

/** Every panel's rows, dated by the panel, or all by the report's one collection day. */
function rowsOf(report: LabReportTruth, oneDate: boolean): { panel: Panel; rows: TruthRow[] }[] {
  const first = report.panels[0]!.collected;
  return report.panels.map((panel) => ({ panel, rows: panel.rows.map((r) => (oneDate ? { ...r, date: first } : r)) }));
}

const printed = (r: TruthRow, flags: Readonly<Record<TruthFlag, string>>): PrintedRow => ({ ...r, flag: flags[r.flag] });

function page(style: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style></head><body>${body}</body></html>`;
}

/** A patient portal's printout: a block per panel with its collection day, "Your Value" and "Standard Range" with units, flags in words. */
const portal: Layout = {
  name: 'portal-printout',
  description: 'patient portal printout (Chromium): a block per test with its own collection date, "Your Value" / "Standard Range" with units inside, flags as words',
  render(report) {
    const rows: PrintedRow[] = [];
    const blocks = rowsOf(report, false).map(({ panel, rows: truth }) => {
      const trs = truth.map((r) => {
        rows.push(printed(r, WORDS));
        const unit = r.unit ? ` ${esc(r.unit)}` : '';
        const range = /^[<>]/.test(r.range) ? `${esc(r.range)}${unit}` : `${esc(r.range.replace('-', ' - '))}${unit}`;
        return `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}${unit}</td><td>${range}</td><td class="flag">${WORDS[r.flag]}</td></tr>`;
      });
      return `<section><h2>${esc(panel.title)}</h2><p class="when">Collected on ${LONG(panel.collected)} 8:${String(10 + panel.rows.length).padStart(2, '0')} AM · Result status: Final</p>
        <table><thead><tr><th>Component</th><th>Your Value</th><th>Standard Range</th><th>Flag</th></tr></thead><tbody>${trs.join('')}</tbody></table></section>`;
    });
    const source = page(
      'body{font-family:Arial,Helvetica,sans-serif;font-size:10pt;margin:0}h1{font-size:16pt;margin:0 0 4pt}h2{font-size:12pt;margin:14pt 0 2pt}.when{color:#555;margin:0 0 4pt}table{border-collapse:collapse;width:100%}th{text-align:left;border-bottom:1px solid #999;font-size:9pt;color:#333}td,th{padding:3pt 6pt}.flag{color:#a00;font-weight:bold}section{break-inside:avoid}',
      `<p>Printed on ${LONG(report.printed)} 3:41 PM</p><h1>Test Results</h1><p>${esc(report.patient.name)} · DOB: ${US(report.patient.dob)} · MyHealth Portal</p>${blocks.join('')}`,
    );
    return { rendering: { renderer: 'chromium', source }, rows };
  },
};

/** A hospital lab report: one long table over pages, section rows, the flag printed after the value. */
const hospital: Layout = {
  name: 'hospital-appended-flag',
  description: 'hospital laboratory report (Chromium): one table over several pages with its header repeated, section rows, the flag after the value ("12.46 H")',
  render(report) {
    const rows: PrintedRow[] = [];
    const body = rowsOf(report, true).flatMap(({ panel, rows: truth }) => [
      `<tr class="section"><td colspan="4">${esc(panel.title.toUpperCase())}</td></tr>`,
      ...truth.map((r) => {
        rows.push(printed(r, LETTERS));
        return `<tr><td>${esc(r.name)}</td><td class="num">${esc(r.value)}${r.flag ? ` ${LETTERS[r.flag]}` : ''}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td></tr>`;
      }),
    ]);
    const source = page(
      'body{font-family:"DejaVu Serif",Georgia,serif;font-size:10.5pt}table{border-collapse:collapse;width:100%}thead{display:table-header-group}th{text-align:left;border-bottom:2px solid #000}td,th{padding:5pt 8pt}.num{text-align:right}.section td{font-weight:bold;padding-top:12pt}tr{break-inside:avoid}',
      `<h1>${esc(report.lab)}</h1><p>${esc(report.address)}</p>
       <table class="hdr"><tr><td>Patient: ${esc(report.patient.family.toUpperCase())}, ${esc(report.patient.given.toUpperCase())}</td><td>DOB: ${US(report.patient.dob)}</td></tr>
       <tr><td>Collected: ${US(report.panels[0]!.collected)} 07:40</td><td>Reported: ${US(report.printed)} 11:02</td></tr></table>
       <table><thead><tr><th>Test</th><th>Result</th><th>Units</th><th>Ref Range</th></tr></thead><tbody>${body.join('')}</tbody></table>`,
    );
    return { rendering: { renderer: 'chromium', source }, rows };
  },
};

/** A reference lab's report: result, flag, units, reference interval, and a previous result that is not today's. */
const reference: Layout = {
  name: 'reference-lab',
  description: 'reference laboratory report (WeasyPrint): Tests / Result / Flag / Units / Reference Interval with a "Previous Result and Date" column and comments under tests',
  render(report) {
    const rows: PrintedRow[] = [];
    const body = rowsOf(report, true).flatMap(({ panel, rows: truth }, p) => [
      `<tr class="panel"><td colspan="6">${esc(panel.title)}</td></tr>`,
      ...truth.flatMap((r, i) => {
        rows.push(printed(r, WORDS));
        const previous = i % 3 === 0 ? `${r.value} ${US('2021-0' + (1 + ((i + p) % 9)) + '-1' + (i % 9))}` : '';
        return [
          `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}</td><td>${WORDS[r.flag]}</td><td>${esc(r.unit)}</td><td>${esc(r.range)}</td><td>${previous}</td></tr>`,
          ...(i === 1 ? [`<tr class="comment"><td colspan="6">Please note: reference interval changed on 03/01/2022.</td></tr>`] : []),
        ];
      }),
    ]);
    const source = page(
      '@page{size:letter;margin:0.6in}body{font-family:"DejaVu Sans",sans-serif;font-size:8.5pt}table{border-collapse:collapse;width:100%}th{text-align:left;background:#eee;font-size:8pt}td,th{padding:2.5pt 5pt}.panel td{font-weight:bold;padding-top:8pt}.comment td{font-style:italic;color:#444;padding-left:18pt}',
      `<h2>${esc(report.lab)}</h2><p>${esc(report.address)}</p>
       <p>Patient Name: ${esc(report.patient.family)}, ${esc(report.patient.given)}&nbsp;&nbsp;&nbsp; Date of Birth: ${US(report.patient.dob)}</p>
       <p>Date Collected: ${US(report.panels[0]!.collected)}&nbsp;&nbsp;&nbsp; Date Received: ${US(report.panels[0]!.collected)}&nbsp;&nbsp;&nbsp; Date Reported: ${US(report.printed)}&nbsp;&nbsp;&nbsp; Ordering Physician: ${esc(report.orderedBy)}</p>
       <table><thead><tr><th>Tests</th><th>Result</th><th>Flag</th><th>Units</th><th>Reference Interval</th><th>Previous Result and Date</th></tr></thead><tbody>${body.join('')}</tbody></table>`,
    );
    return { rendering: { renderer: 'weasyprint', source }, rows };
  },
};

/** A regional lab's report written in a word processor: the reference range before the units, the flag after the value. */
const regional: Layout = {
  name: 'range-before-units',
  description: 'regional laboratory report (LibreOffice Writer): Test Name / Result / Reference Range / Units, the flag after the value, header details in a table',
  render(report) {
    const rows: PrintedRow[] = [];
    const body = rowsOf(report, true).flatMap(({ panel, rows: truth }) => [
      `<tr><td colspan="4"><b>${esc(panel.title)}</b></td></tr>`,
      ...truth.map((r) => {
        rows.push(printed(r, LETTERS));
        return `<tr><td>${esc(r.name)}</td><td>${esc(r.value)}${r.flag ? ` ${LETTERS[r.flag]}` : ''}</td><td>${esc(r.range)}</td><td>${esc(r.unit)}</td></tr>`;
      }),
    ]);
    const source = page(
      'body{font-family:"Liberation Sans",Arial;font-size:10pt}td{padding:2pt 6pt}',
      `<p><b>${esc(report.lab)}</b><br>${esc(report.address)}</p>
       <table><tr><td>Name:</td><td>${esc(report.patient.name)}</td><td>DOB:</td><td>${US(report.patient.dob)}</td></tr>
       <tr><td>Specimen Collected:</td><td>${LONG(report.panels[0]!.collected)}</td><td>Printed:</td><td>${LONG(report.printed)}</td></tr></table>
       <table width="100%"><tr><td><b>Test Name</b></td><td><b>Result</b></td><td><b>Reference Range</b></td><td><b>Units</b></td></tr>${body.join('')}</table>`,
    );
    return { rendering: { renderer: 'libreoffice', source }, rows };
  },
};

/** A report typeset with groff's tbl: boxed, upper-case headings, an abnormal column. */
const typeset: Layout = {
  name: 'typeset-tbl',
  description: 'clinic laboratory summary typeset with groff tbl: ANALYTE / VALUE / UNITS / NORMAL RANGE / ABN, one table per panel with its own date',
  render(report) {
    const rows: PrintedRow[] = [];
    const roff = (s: string) => s.replace(/\\/g, '\\e').replace(/^\./, '\\&.');
    const tables = rowsOf(report, false).map(({ panel, rows: truth }) => {
      const lines = truth.map((r) => {
        rows.push(printed(r, LETTERS));
        return [r.name, r.value, r.unit, r.range, LETTERS[r.flag]].map((cell) => (cell ? roff(cell) : '\\&')).join('\t');
      });
      return `.SH\n${roff(panel.title)}\n.LP\nDate collected: ${US(panel.collected)}\n.TS\nbox tab(\t);\nlb lb lb lb lb\nl r l l c.\nANALYTE\tVALUE\tUNITS\tNORMAL RANGE\tABN\n_\n${lines.join('\n')}\n.TE\n`;
    });
    const source = `.nr PS 10\n.nr VS 12\n.TL\n${roff(report.lab)}\n.LP\n${roff(report.address)}\n.LP\nPatient: ${roff(report.patient.name)}     DOB: ${US(report.patient.dob)}     Printed ${US(report.printed)}\n${tables.join('')}`;
    return { rendering: { renderer: 'groff', source }, rows };
  },
};

/** A line printer's report (monospace, from a lab system's text output). */
const printout: Layout = {
  name: 'monospace-printout',
  description: 'lab system text printout (enscript, Courier): fixed-width columns, upper-case names, HI/LO flags, a date line per panel',
  render(report) {
    const rows: PrintedRow[] = [];
    const flags: Readonly<Record<TruthFlag, string>> = { '': '', H: 'HI', L: 'LO', HH: 'CRIT HI', LL: 'CRIT LO', A: 'ABN' };
    const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s.padEnd(n));
    const lines = [
      report.lab.toUpperCase(),
      `PATIENT: ${report.patient.family.toUpperCase()}, ${report.patient.given.toUpperCase()}   DOB: ${US(report.patient.dob)}   PRINTED: ${US(report.printed)}`,
      '',
    ];
    for (const { panel, rows: truth } of rowsOf(report, false)) {
      lines.push(`${panel.title.toUpperCase()}   COLLECTED: ${US(panel.collected)} 06:55`, '');
      lines.push(`${pad('TEST', 30)}${pad('RESULT', 13)}${pad('FLAG', 9)}${pad('UNITS', 15)}REFERENCE`);
      for (const r of truth) {
        const upper = { ...r, name: r.name.toUpperCase() };
        rows.push(printed(upper, flags));
        lines.push(`${pad(upper.name, 30)}${pad(r.value, 13)}${pad(flags[r.flag], 9)}${pad(r.unit, 15)}${r.range}`);
      }
      lines.push('');
    }
    return { rendering: { renderer: 'enscript', source: lines.join('\n') }, rows };
  },
};

/** A summary printed one result per line: "Name: value unit (Reference: range) Flag". */
const inline: Layout = {
  name: 'one-line-per-result',
  description: 'results summary drawn with pdf-lib: "Hemoglobin: 13.5 g/dL (Reference: 12.0-15.5) Low", a heading and date per panel',
  render(report) {
    const rows: PrintedRow[] = [];
    const lines = [`${report.lab}`, `Patient: ${report.patient.name}    DOB: ${US(report.patient.dob)}`, `Report generated ${US(report.printed)}`, ''];
    for (const { panel, rows: truth } of rowsOf(report, false)) {
      lines.push(`${panel.title.toUpperCase()} (collected ${US(panel.collected)})`);
      for (const r of truth) {
        rows.push(printed(r, WORDS));
        lines.push(`${r.name}: ${r.value}${r.unit ? ` ${r.unit}` : ''} (Reference: ${r.range})${r.flag ? ` ${WORDS[r.flag]}` : ''}`);
      }
      lines.push('');
    }
    return { rendering: { renderer: 'pdf-lib', source: lines.join('\n') }, rows };
  },
};

/** A portal's printout with a card per test: the test's name over its own little table, flags as words. */
const cards: Layout = {
  name: 'portal-cards',
  description: 'patient portal printout with a card per test (WeasyPrint): the name as the card\'s title, then "Your value / Standard range / Flag" and one row',
  render(report) {
    const rows: PrintedRow[] = [];
    const cardsHtml = rowsOf(report, false).flatMap(({ panel, rows: truth }) => [
      `<h2>${esc(panel.title)}</h2><p class="when">Specimen collected ${LONG(panel.collected)}</p>`,
      ...truth.map((r) => {
        rows.push(printed(r, WORDS));
        const unit = r.unit ? ` ${esc(r.unit)}` : '';
        return `<div class="card"><h3>${esc(r.name)}</h3><table><tr><th>Your value</th><th>Standard range</th><th>Flag</th></tr>
          <tr><td>${esc(r.value)}${unit}</td><td>${esc(r.range)}${unit}</td><td>${WORDS[r.flag]}</td></tr></table></div>`;
      }),
    ]);
    const source = page(
      '@page{size:letter;margin:0.7in}body{font-family:"DejaVu Sans",sans-serif;font-size:9.5pt}h2{font-size:12pt;margin:12pt 0 0}.when{color:#555;margin:2pt 0 6pt}.card{border:1px solid #ccc;border-radius:4pt;padding:4pt 8pt;margin:4pt 0;break-inside:avoid}h3{font-size:10pt;margin:0 0 2pt}table{width:100%;border-collapse:collapse}th{text-align:left;font-weight:normal;color:#666;font-size:8.5pt}td{font-size:10pt}',
      `<p>Patient: ${esc(report.patient.name)} &nbsp; Date of birth: ${LONG(report.patient.dob)}</p><p>Printed ${LONG(report.printed)}</p><h1>Lab results</h1>${cardsHtml.join('')}`,
    );
    return { rendering: { renderer: 'weasyprint', source }, rows };
  },
};

/** Tuned on: the reader was adjusted while looking at these. */
export const TUNING_LAYOUTS: readonly Layout[] = [portal, hospital, reference, regional, typeset];
/**
 * Written without being looked at while tuning: the first two were measured once before any change for
 * them (then fixed by general rules, and so now tuned on); the card layout was added for a fresh blind part.
 */
export const BLIND_LAYOUTS: readonly Layout[] = [printout, inline, cards];
