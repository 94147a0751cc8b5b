/**
 * An imaging study arrives as hundreds of files; the person wants one line per study ("CT chest, 3
 * series, 245 images: imported"), not one per file. Each DICOM file's fate is counted here under its
 * study, and said at the end.
 */
import type { ImportOutcome } from '../../shared/import-types.ts';
import { said } from '../../shared/said.ts';
import { noting } from '../../shared/import-types.ts';
import type { Said } from '../../shared/said.ts';
import { dicomProblem } from '../../shared/dicom-problems.ts';

interface StudyCount {
  newStudy: boolean;
  added: number;
  alreadyIn: number;
  folders: string[];
  problems: Said[];
  notes: Said[];
}

/** The longest folder path all of them share (a study's files usually sit under one folder of the disc). */
function commonFolder(folders: readonly string[]): string {
  if (folders.length === 0) return '';
  const split = folders.map((f) => f.split(/(?<=[\\/])/));
  const first = split[0]!;
  let n = first.length;
  for (const parts of split) {
    let i = 0;
    while (i < n && i < parts.length && parts[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n).join('').replace(/[\\/]$/, '') || folders[0]!;
}

export class StudyTally {
  private readonly studies = new Map<number, StudyCount>();

  record(studyId: number, folder: string, fate: { readonly added: boolean; readonly newStudy: boolean; readonly problem?: string | null; readonly file?: string; readonly note?: readonly Said[] }): void {
    let count = this.studies.get(studyId);
    if (!count) {
      count = { newStudy: false, added: 0, alreadyIn: 0, folders: [], problems: [], notes: [] };
      this.studies.set(studyId, count);
    }
    count.newStudy ||= fate.newStudy;
    if (fate.added) count.added++;
    else count.alreadyIn++;
    if (count.folders.length < 1000 && !count.folders.includes(folder)) count.folders.push(folder);
    if (fate.problem) count.problems.push(said('file-problem', { file: fate.file ?? '?', problem: dicomProblem(fate.problem) }));
    if (fate.note && count.notes.length < 40) count.notes.push(...fate.note);
  }

  /** Whether this import made the study (rather than adding to one the library held). */
  isNew(studyId: number): boolean {
    return this.studies.get(studyId)?.newStudy ?? false;
  }

  /** The studies this import touched. */
  studyIds(): number[] {
    return [...this.studies.keys()];
  }

  /** One outcome per study; `describe` gives its title, series count and what the person should know. */
  outcomes(describe: (studyId: number) => { title: string; series: number; warnings: readonly Said[] }): ImportOutcome[] {
    return [...this.studies].map(([id, count]): ImportOutcome => {
      const { title, series, warnings } = describe(id);
      const path = commonFolder(count.folders);
      const damaged = count.problems.length
        ? [said('study-damaged', { count: count.problems.length, problems: { list: count.problems.slice(0, 3), joined: ' ' }, more: count.problems.length > 3 ? 'yes' : 'no' })]
        : [];
      const note = noting([...warnings, ...damaged, ...count.notes]);
      const study = { title, files: count.added, alreadyIn: count.alreadyIn, series };
      if (count.newStudy) return { status: 'imported', path, id, type: 'imaging-study', pages: 0, study, ...note };
      if (count.added > 0) return { status: 'merged', path, into: id, study, ...note };
      if (count.notes.length) return { status: 'merged', path, into: id, study, ...note };
      return { status: 'duplicate', path, of: id, files: count.alreadyIn, title };
    });
  }
}
