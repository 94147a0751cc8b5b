/**
 * Loaded into a child process with `node --import` (through NODE_OPTIONS): when the process ends, its
 * peak resident memory (KiB, worker threads included) is appended to $CASEBINDER_PEAK_FILE.
 */
import fs from 'node:fs';

const file = process.env.CASEBINDER_PEAK_FILE;
if (file) process.on('exit', () => fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
