const mods = ['pdfjs-dist/legacy/build/pdf.mjs', 'sharp', '@napi-rs/canvas', '@cantoo/pdf-lib', 'dcmjs-imaging', 'dicom-parser', 'chrono-node', 'fast-xml-parser', '@medplum/core', '@lhncbc/ucum-lhc', 'file-type', 'intl-messageformat', '../../electron/suggest/suggest.ts', '../../electron/records/read.ts', '../../electron/labs/pdf-table.ts', '../../electron/workers/worker.ts'];
const m = () => { (globalThis as any).gc(); (globalThis as any).gc(); const u = process.memoryUsage(); return { heap: u.heapUsed / 2 ** 20, ext: u.external / 2 ** 20, rss: u.rss / 2 ** 20 }; };
let last = m();
console.log('start', last);
for (const name of mods) {
  try { await import(name); } catch (e) { console.log(name, 'ERR', String(e).slice(0, 80)); continue; }
  const now = m();
  console.log(name.padEnd(45), 'heap +' + (now.heap - last.heap).toFixed(1), 'ext +' + (now.ext - last.ext).toFixed(1), 'rss +' + (now.rss - last.rss).toFixed(1));
  last = now;
}
console.log('end', last);
