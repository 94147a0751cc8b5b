/** Progress of encrypting or decrypting a library: its originals first, then the database, then the switch. */
export interface EncryptionProgress {
  readonly phase: 'originals' | 'database' | 'switching';
  readonly done: number;
  readonly total: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}
