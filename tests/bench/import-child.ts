/**
 * The import bench's measured part, in a process of its own so its peak resident memory is the
 * import's alone: imports the paths listed in a JSON file into a new library and prints one JSON line
 * (seconds, peak resident bytes, outcome counts, the import's profile).
 */
import fs from 'node:fs';
import { Importer } from '../../electron/import/importer.ts';
import { Library } from '../../electron/library/library.ts';
import { WorkerPool } from '../../electron/workers/pool.ts';

const [libraryDir, listFile] = [process.argv[2]!, process.argv[3]!];
const paths = JSON.parse(fs.readFileSync(listFile, 'utf8')) as string[];
const peak = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
const library = Library.open(libraryDir, { create: true });
const patient = library.patients.add({ name: 'Bench Patient', dateOfBirth: '1960-01-01' });
const pool = new WorkerPool();
const before = process.memoryUsage().rss;
const started = performance.now();
const result = await new Importer(library, pool).start({ paths, patientId: patient.id }).result;
const seconds = (performance.now() - started) / 1000;
await pool.close();
library.close();
console.log(
  JSON.stringify({
    seconds,
    before,
    peak: peak(),
    counts: { imported: result.imported.length, merged: result.merged.length, duplicates: result.duplicates.length, refused: result.refused.length, skipped: result.skipped.length },
    profile: result.profile,
  }),
);
