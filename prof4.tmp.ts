import { Library } from './electron/library/library.ts';
import { databaseOf } from './tests/helpers/library.ts';
const lib = Library.open('/tmp/casebinder-bench/scale-library-v1');
const db = databaseOf(lib);
const t = (label: string, q: string, ...a: unknown[]) => { db.prepare(q).all(...a); const s = performance.now(); const r = db.prepare(q).all(...a); console.log(label, (performance.now() - s).toFixed(1), r.length); };
for (const w of ['"an"*', '"st"*', '"s24" "1"*']) {
  t(`ranked ${w}`, `SELECT rowid FROM document_text_fts WHERE document_text_fts MATCH ? ORDER BY rank LIMIT 20`, `owner : c7 AND text : (${w})`);
  t(`ranked-noowner ${w}`, `SELECT f.rowid FROM document_text_fts f JOIN documents d ON d.id = f.rowid WHERE document_text_fts MATCH ? AND d.patient_id = 7 ORDER BY rank LIMIT 20`, `text : (${w})`);
  t(`details ${w}`, `SELECT f.rowid FROM documents_fts f JOIN documents d ON d.id = f.rowid WHERE documents_fts MATCH ? AND d.patient_id = 7 LIMIT 20`, w);
  t(`count-owner ${w}`, `SELECT count(*) FROM document_text_fts WHERE document_text_fts MATCH ?`, `owner : c7 AND text : (${w})`);
}
const s = performance.now(); lib.search.search('an', { patientId: 7 }); console.log('full an', (performance.now() - s).toFixed(1));
db.close(); lib.close();
