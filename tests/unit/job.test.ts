import { describe, expect, it } from 'vitest';
import { Job } from '../../electron/jobs/job.ts';

describe('jobs', () => {
  it('reports progress and ends with its result', async () => {
    const seen: number[] = [];
    const job = new Job<number, string>('count', async ({ report }) => {
      for (let i = 1; i <= 3; i++) {
        await Promise.resolve();
        report(i);
      }
      return 'done';
    });
    job.onProgress((p) => seen.push(p));
    expect(await job.result).toBe('done');
    expect(seen).toEqual([1, 2, 3]);
    expect(job.status).toBe('finished');
    expect(job.progress).toBe(3);
  });

  it('can be cancelled, and says so', async () => {
    const job = new Job<number, string>('wait', ({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))));
    job.cancel();
    await expect(job.result).rejects.toThrow('stopped');
    expect(job.status).toBe('cancelled');
  });

  it('marks a failure as failed', async () => {
    const job = new Job('fail', async () => {
      throw new Error('boom');
    });
    await expect(job.result).rejects.toThrow('boom');
    expect(job.status).toBe('failed');
  });
});
