/**
 * The app's back end opened on a new library and left idle, in a process of its own: prints its resident
 * memory (one JSON line), beside which the import bench's own process (the library and the importer
 * alone) can be read as the app's.
 */
import fs from 'node:fs';
import { Backend } from '../../electron/app/backend.ts';
import { NO_DESKTOP } from '../helpers/desktop.ts';

const libraryDir = process.argv[2]!;
fs.mkdirSync(libraryDir, { recursive: true });
const backend = new Backend({ libraryDir, ...NO_DESKTOP, emit: () => undefined, version: 'bench', backgroundOcr: false });
await new Promise((resolve) => setTimeout(resolve, 200));
const resident = process.memoryUsage.rss();
await backend.close();
console.log(JSON.stringify({ resident }));
