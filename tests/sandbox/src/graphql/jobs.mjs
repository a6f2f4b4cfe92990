// Async bulk item jobs: bulk_delete_items / bulk_archive_items answer { job_id } at once and
// change nothing yet; job_status(job_id) reports the job and moves it on one step per call:
// PENDING (as created) -> RUNNING (first poll) -> COMPLETED (second poll). The items change at
// that second poll, each exactly as delete_item / archive_item would change it. The timing and
// the layout of `details` are the sandbox's choice (reference-additions.md, "Async bulk item jobs").

import { ApiError, badArgument } from '../errors.mjs';
import { isoMillis } from '../data/column-types.mjs';
import { boardOf, setItemState } from './mutations.mjs';

// What each kind of job does to an item, and which states it accepts.
const KINDS = {
  delete: { state: 'deleted', accepts: new Set(['active', 'archived']) },
  archive: { state: 'archived', accepts: new Set(['active']) },
};

function createJob(kind) {
  return (_s, args, ctx) => {
    const board = boardOf(ctx, args.board_id);
    if (!args.item_ids.length) throw badArgument('item_ids must list at least one item id', { item_ids: [] });
    // Ids are kept as given (strings); a repeated id counts once.
    const itemIds = [...new Set(args.item_ids.map(String))];
    const job = ctx.app.jobs.create({ kind, boardId: board.id, itemIds, creatorId: ctx.user.id });
    return { job_id: job.id };
  };
}

// The job's work, done when it completes: each id that is an item of the job's board in a state
// the job accepts changes; the others (another board's items, unknown ids, items already in the
// target state or deleted) are listed in details.failed_item_ids. The changes are made as the
// user who created the job.
function completeJob(ctx, job) {
  const { store } = ctx;
  const kind = KINDS[job.kind];
  const actor = { ...ctx, user: store.usersById.get(job.creator_id) ?? ctx.user };
  const failed = [];
  for (const id of job.item_ids) {
    const item = /^\d+$/.test(id) ? store.items.get(Number(id)) : null;
    if (item && item.board_id === job.board_id && kind.accepts.has(item.state)) setItemState(actor, item, kind.state);
    else failed.push(id);
  }
  const total = job.item_ids.length;
  // details is monday's JSON scalar; like ColumnValue.value it comes back as a JSON-encoded string.
  return { total, succeeded: total - failed.length, failed: failed.length, details: JSON.stringify({ failed_item_ids: failed }) };
}

function jobStatus(_s, args, ctx) {
  const jobs = ctx.app.jobs;
  const job = jobs.get(args.job_id);
  if (!job) throw new ApiError('JobNotFound', 'Job not found', { statusCode: 404, errorData: { job_id: String(args.job_id) } });
  jobs.advance(job, (j) => completeJob(ctx, j));
  return {
    id: job.id, status: job.status, created_at: isoMillis(job.created_at), updated_at: isoMillis(job.updated_at),
    error: job.error, result: job.status === 'COMPLETED' ? job.result : null,
  };
}

export const jobResolvers = {
  Query: { job_status: jobStatus },
  Mutation: { bulk_delete_items: createJob('delete'), bulk_archive_items: createJob('archive') },
};
