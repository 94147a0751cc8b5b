/**
 * The export bench's measured part, in a process of its own so its peak resident memory is the export's
 * and not the import's that made the library. `packet`: one packet written to a file as the export
 * writes it (run once per measurement, each in a fresh process); `whole`: one whole export with its ZIP.
 * Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pagePictureFrom, startExport } from '../../electron/export/start.ts';
import { gatherCase } from '../../electron/export/gather.ts';
import { writePacket } from '../../electron/export/packet.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';

const [dir, mode] = [process.argv[2]!, process.argv[3]!];
const peak = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
const resident = () => process.memoryUsage().rss;
const library = Library.open(dir);
const pool = new WorkerPool();
const picture = pagePictureFrom(pool);
const caseId = library.cases.list()[0]!.id;
const before = resident();
const start = performance.now();
if (mode === 'packet') {
  const file = path.join(dir, 'packet.pdf');
  fs.rmSync(file, { force: true });
  const fd = fs.openSync(file, 'w');
  const packet = await writePacket(gatherCase(library, caseId, null, DEFAULT_EXPORT_CHOICES, new Date()), { picture }, async (chunk) => {
    fs.writeSync(fd, chunk);
  });
  fs.closeSync(fd);
  console.log(JSON.stringify({ ms: performance.now() - start, timings: packet.timings, pages: packet.pages, before, peak: peak(), bytes: fs.statSync(file).size }));
} else {
  const result = await startExport({ library, picture }, { caseId, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: true }, outDir: path.join(dir, 'out') }).result;
  console.log(JSON.stringify({ ms: performance.now() - start, before, peak: peak(), bytes: result.bytes }));
}
await pool.close();
library.close();
