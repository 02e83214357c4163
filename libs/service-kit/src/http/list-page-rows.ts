import { cursorOf, keyAfter, type ListPage, type PageRequest } from './list-page';

/**
 * The page from rows a keyset query read with `limit + 1` (`where key > :after order by key`):
 * the extra row only says that a next page exists, so no count is needed to end the last page.
 */
export const pageFromRows = <Row, Item>(
  rows: readonly Row[],
  request: PageRequest,
  keyOf: (row: Row) => string,
  viewOf: (row: Row) => Item,
): ListPage<Item> => {
  const shown = rows.slice(0, request.limit);
  const last = shown.at(-1);
  return { items: shown.map(viewOf), page: { limit: request.limit, next: rows.length > shown.length && last !== undefined ? cursorOf(keyOf(last)) : null } };
};

/**
 * A page of a list held in memory whose order is not a key order (a desk sorted by SLA risk, which
 * moves as time passes). The cursor names the last shown item; the next page continues after that
 * item where it stands now, or from the top once it has left the list (so an item may be seen twice,
 * never skipped).
 */
export const pageInOrder = <Item>(ordered: readonly Item[], request: PageRequest, keyOf: (item: Item) => string): ListPage<Item> => {
  const after = keyAfter(request.after);
  const start = after === undefined ? 0 : ordered.findIndex((item) => keyOf(item) === after) + 1;
  const rest = ordered.slice(start);
  const items = rest.slice(0, request.limit);
  const last = items.at(-1);
  return {
    items,
    page: { limit: request.limit, next: rest.length > items.length && last !== undefined ? cursorOf(keyOf(last)) : null, total: ordered.length },
  };
};
