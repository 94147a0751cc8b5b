import type { Migration } from './migration.ts';
import { migration0001 } from './0001-initial-library.ts';
import { migration0002 } from './0002-document-text-index.ts';
import { migration0003 } from './0003-page-prefix-index.ts';
import { migration0004 } from './0004-imaging-photos-ocr.ts';
import { migration0005 } from './0005-clinical-records.ts';
import { migration0006 } from './0006-cases.ts';
import { migration0007 } from './0007-export.ts';
import { migration0008 } from './0008-whose-record.ts';
import { migration0009 } from './0009-radiology-ready.ts';
import { migration0010 } from './0010-practice.ts';
import { migration0011 } from './0011-search-by-client.ts';
import { migration0012 } from './0012-redactions.ts';
import { migration0013 } from './0013-languages.ts';
import { migration0014 } from './0014-details-by-client.ts';
import { migration0015 } from './0015-languages-by-person.ts';

/** Every schema step in order; a library's `user_version` is the number of the last one applied. */
export const MIGRATIONS: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015];

export const LATEST_VERSION = MIGRATIONS.length;

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migrations: step ${i + 1} is numbered ${m.version}`);
});
