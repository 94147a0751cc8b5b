/** Progress of a backup, a backup's verification, or a restore. */
export interface BackupProgress {
  readonly phase: 'database' | 'originals' | 'finishing' | 'verifying' | 'restoring';
  readonly done: number;
  readonly total: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}
