import { Library } from './electron/library/library.ts';
import { REALISTIC_QUERIES } from './tests/bench/realistic-library.ts';
import { keystrokes } from './tests/bench/synthetic-records.ts';
const lib = Library.open('/tmp/casebinder-bench/scale-library-v1');
const patients = lib.patients.list();
const queries = [...REALISTIC_QUERIES, ...keystrokes(REALISTIC_QUERIES)];
for (const q of queries) lib.search.search(q, { patientId: patients[0]!.id });
const ms: number[] = []; const slow: [number, string][] = [];
for (const [i, q] of queries.entries()) { const t = performance.now(); lib.search.search(q, { patientId: patients[(i * 7) % 100]!.id }); const d = performance.now() - t; ms.push(d); slow.push([d, q]); }
ms.sort((a, b) => a - b); console.log('scoped median', ms[Math.floor(ms.length / 2)]!.toFixed(1), 'p95', ms[Math.floor(ms.length * 0.95)]!.toFixed(1));
console.log(slow.sort((a, b) => b[0] - a[0]).slice(0, 8).map(([d, q]) => `${d.toFixed(0)} ${q}`).join('\n'));
lib.close();
