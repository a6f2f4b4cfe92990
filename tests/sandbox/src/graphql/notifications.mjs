// Notifications: create_notification sends one to a user about an item or board (Project) or an
// update (Post); Query.notifications lists the token user's own, newest first, paged by
// `cursor` (the last id of the previous page).

import { ApiError, badArgument } from '../errors.mjs';
import { isoSeconds } from '../data/column-types.mjs';

const NOTIFICATION_BASE = 8_100_000_000;
const n = (id) => Number(id);

function notificationsOf(store) {
  store.notifications ??= [];
  return store.notifications;
}

function createNotification(_s, args, ctx) {
  const store = ctx.store;
  if (!store.usersById.has(n(args.user_id))) {
    throw new ApiError('InvalidUserIdException', `User ${args.user_id} was not found`, { errorData: { user_id: String(args.user_id) } });
  }
  if (!String(args.text).trim()) throw badArgument('text must not be empty', {});
  const note = { id: 0, user_id: n(args.user_id), creator_id: ctx.user.id, text: String(args.text), created_at: Date.now(), read: false, item_id: null, board_id: null, update_id: null };
  if (args.target_type === 'Post') {
    const update = store.updatesById.get(n(args.target_id));
    if (!update || !store.visibleItem(update.item_id, ctx.user)) {
      throw new ApiError('InvalidUpdateIdException', `Update ${args.target_id} was not found`, { errorData: { target_id: String(args.target_id) } });
    }
    Object.assign(note, { update_id: update.id, item_id: update.item_id, board_id: store.items.get(update.item_id)?.board_id ?? null });
  } else {
    const item = store.visibleItem(args.target_id, ctx.user);
    const board = item ? store.boardsById.get(item.board_id) : store.boardsById.get(n(args.target_id));
    if (!board || board.state === 'deleted' || (item && item.state === 'deleted') || !store.canSee(board, ctx.user)) {
      throw new ApiError('ResourceNotFoundException', `Item or board ${args.target_id} was not found`, { statusCode: 404, errorData: { target_id: String(args.target_id) } });
    }
    Object.assign(note, { item_id: item ? item.id : null, board_id: board.id });
  }
  const list = notificationsOf(store);
  note.id = NOTIFICATION_BASE + list.length + 1;
  list.push(note);
  return note;
}

function listNotifications(_s, args, ctx) {
  let list = notificationsOf(ctx.store).filter((x) => x.user_id === ctx.user.id).sort((a, b) => b.id - a.id);
  if (args.filter_read) list = list.filter((x) => !x.read);
  if (args.since) list = list.filter((x) => x.created_at >= Date.parse(args.since));
  if (args.cursor != null) list = list.filter((x) => x.id < n(args.cursor));
  return list.slice(0, Math.max(0, args.limit ?? 25));
}

export const notificationResolvers = {
  Query: { notifications: listNotifications },
  Mutation: { create_notification: createNotification },
  NotificationV2: {
    created_at: (x) => isoSeconds(x.created_at),
    creators: (x, _a, ctx) => [ctx.store.usersById.get(x.creator_id)].filter(Boolean),
    item: (x, _a, ctx) => (x.item_id ? ctx.store.items.get(x.item_id) || null : null),
    board: (x, _a, ctx) => (x.board_id ? ctx.store.boardsById.get(x.board_id) || null : null),
    update: (x, _a, ctx) => (x.update_id ? ctx.store.updatesById.get(x.update_id) || null : null),
  },
};
