/**
 * Imported first by the worker, before any library: libraries that write notes to the console
 * (libheif, dcmjs through loglevel, pdf.js) would otherwise print into the command line's output, and
 * loglevel keeps whatever console method exists when it loads. What matters reaches the caller as a result.
 */
for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = () => undefined;
