/**
 * The export bench's measured part, in a process of its own so its peak resident memory is the export's
 * and not the import's that made the library: three packet builds, then one whole export (with ZIP).
 * Prints one JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pagePictureFrom, startExport } from '../../electron/export/bundle.ts';
import { gatherCase } from '../../electron/export/gather.ts';
import { buildPacket } from '../../electron/export/packet.ts';
import type { Packet } from '../../electron/export/packet.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';
import { DEFAULT_EXPORT_CHOICES } from '../../shared/export-types.ts';

const dir = process.argv[2]!;
const library = Library.open(dir);
const pool = new WorkerPool();
const picture = pagePictureFrom(pool);
const caseId = library.cases.list()[0]!.id;
const peak = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
const packetMs: number[] = [];
const timings: Packet['timings'][] = [];
let pages = 0;
for (let run = 0; run < 3; run++) {
  const start = performance.now();
  const packet = await buildPacket(gatherCase(library, caseId, null, DEFAULT_EXPORT_CHOICES, new Date()), { picture });
  fs.writeFileSync(path.join(dir, 'packet.pdf'), packet.bytes);
  packetMs.push(performance.now() - start);
  timings.push(packet.timings);
  pages = packet.pages;
}
const packetPeak = peak();
const start = performance.now();
const result = await startExport({ library, picture }, { caseId, specialistId: null, choices: { ...DEFAULT_EXPORT_CHOICES, zip: true }, outDir: path.join(dir, 'out') }).result;
const wholeMs = performance.now() - start;
console.log(JSON.stringify({ packetMs, timings, packetPeak, pages, wholeMs, wholePeak: peak(), bytes: result.bytes }));
await pool.close();
library.close();
