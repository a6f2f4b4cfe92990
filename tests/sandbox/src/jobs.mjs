// Async jobs (bulk_delete_items / bulk_archive_items, polled with job_status): the jobs of
// this run, by id. A job belongs to the account, so any token may poll it. Ids are numeric
// strings that never repeat within a run: /__sandbox/reset forgets the jobs but keeps
// counting, so an id from before the reset is answered as an unknown job.

const JOB_BASE = 7_700_000_000;

export class JobStore {
  constructor() {
    this.jobs = new Map();
    this.serial = 0;
  }

  clear() {
    this.jobs.clear();
  }

  create({ kind, boardId, itemIds, creatorId }) {
    const id = String(JOB_BASE + ++this.serial);
    const now = Date.now();
    const job = { id, kind, board_id: boardId, item_ids: itemIds, creator_id: creatorId, status: 'PENDING', created_at: now, updated_at: now, error: null, result: null };
    this.jobs.set(id, job);
    return job;
  }

  get(id) {
    return this.jobs.get(String(id)) ?? null;
  }

  // One poll's worth of progress: PENDING -> RUNNING -> COMPLETED. `complete(job)` does the
  // work at that last step and returns the job's result. Finished jobs stay as they are.
  advance(job, complete) {
    if (job.status === 'PENDING') this.setStatus(job, 'RUNNING');
    else if (job.status === 'RUNNING') {
      job.result = complete(job);
      this.setStatus(job, 'COMPLETED');
    }
    return job;
  }

  // updated_at moves on every change of state, even within the same millisecond.
  setStatus(job, status) {
    job.status = status;
    job.updated_at = Math.max(Date.now(), job.updated_at + 1);
  }
}
