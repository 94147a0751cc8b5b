/**
 * The command table: every command of `casebinder`, in the order the help lists them. Each lives in
 * its own file beside this one; main.ts looks the typed word up here.
 */
import type { Command } from '../common.ts';
import { backup, restore } from './backup.ts';
import { caseCommand } from './case.ts';
import { check } from './check.ts';
import { compose } from './compose.ts';
import { confirm } from './confirm.ts';
import { document } from './document.ts';
import { edit } from './edit.ts';
import { decrypt, encrypt, passphrase } from './encryption.ts';
import { exportCase } from './export.ts';
import { importFiles } from './import.ts';
import { init } from './init.ts';
import { labs } from './labs.ts';
import { list } from './list.ts';
import { ocrLanguages } from './ocr-languages.ts';
import { ocr } from './ocr.ts';
import { patient } from './patient.ts';
import { practice } from './practice.ts';
import { records } from './records.ts';
import { search } from './search.ts';
import { show } from './show.ts';
import { redact, redactions } from './redact.ts';
import { trash } from './trash.ts';
import { undo } from './undo.ts';

export const COMMANDS: readonly Command[] = [
  init,
  patient,
  importFiles,
  ocr,
  ocrLanguages,
  compose,
  list,
  show,
  search,
  edit,
  confirm,
  document,
  redact,
  redactions,
  trash,
  undo,
  check,
  encrypt,
  decrypt,
  passphrase,
  backup,
  restore,
  labs,
  records,
  caseCommand,
  practice,
  exportCase,
];

export function commandNamed(name: string): Command | undefined {
  return COMMANDS.find((c) => c.names.includes(name));
}

export const USAGE = `Usage: casebinder [--library DIR] [--json] COMMAND [ARGUMENTS]

Commands:${COMMANDS.map((c) => c.usage).join('')}

Options:
  --library DIR   the library folder (or set CASEBINDER_LIBRARY)
  --json          print one JSON document on stdout
  --passphrase-file F
                  an encrypted library's passphrase, on the first line of F (or set
                  CASEBINDER_PASSPHRASE_FILE); never taken on the command line
  --events        (import, ocr, check, export, encrypt, decrypt, backup, restore) print progress as JSON lines on stderr
  --limit N       (list, search) at most N results (search: 20 unless told)
`;
