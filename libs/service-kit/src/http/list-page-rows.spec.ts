import { cursorOf } from './list-page';
import { pageFromRows, pageInOrder } from './list-page-rows';

describe('a page of rows read with one row more than the limit', () => {
  it('given the extra row, then the page ends on the last shown row and names it as the cursor', () => {
    const page = pageFromRows([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { limit: 2 }, (row) => row.id, (row) => row.id.toUpperCase());
    expect(page).toEqual({ items: ['A', 'B'], page: { limit: 2, next: cursorOf('b') } });
  });

  it('given no extra row, then it is the last page', () => {
    expect(pageFromRows([{ id: 'a' }], { limit: 2 }, (row) => row.id, (row) => row.id).page.next).toBeNull();
  });
});

describe('a page of a list in its own order', () => {
  const desk = ['t-9', 'c-1', 't-2', 'c-7'];

  it('given a cursor, then the next page continues after the named item in the current order', () => {
    const first = pageInOrder(desk, { limit: 3 }, (item) => item);
    const second = pageInOrder(desk, { limit: 3, after: first.page.next ?? undefined }, (item) => item);
    expect([first.items, second.items]).toEqual([['t-9', 'c-1', 't-2'], ['c-7']]);
    expect(second.page).toEqual({ limit: 3, next: null, total: 4 });
  });

  it('given a cursor naming an item that has left the list, then the page starts from the top', () => {
    expect(pageInOrder(desk, { limit: 2, after: cursorOf('gone') }, (item) => item).items).toEqual(['t-9', 'c-1']);
  });
});
