import { ValidationFailed } from '@collab/domain-kernel';
import { cursorOf, keyAfter, pageOf } from './list-page';

describe('a list page', () => {
  const units = ['u-3', 'u-1', 'u-5', 'u-2', 'u-4'].map((id) => ({ id }));

  it('given five items, when read two at a time, then the cursors walk them once each in key order', () => {
    const first = pageOf(units, { limit: 2 }, (unit) => unit.id);
    const second = pageOf(units, { limit: 2, after: first.page.next ?? undefined }, (unit) => unit.id);
    const third = pageOf(units, { limit: 2, after: second.page.next ?? undefined }, (unit) => unit.id);

    expect([first, second, third].flatMap((page) => page.items.map((unit) => unit.id))).toEqual(['u-1', 'u-2', 'u-3', 'u-4', 'u-5']);
    expect(third.page).toEqual({ limit: 2, next: null, total: 5 });
  });

  it('given a cursor past the last item, then the page is empty and ends', () => {
    expect(pageOf(units, { limit: 2, after: cursorOf('u-9') }, (unit) => unit.id)).toEqual({ items: [], page: { limit: 2, next: null, total: 5 } });
  });

  it('given a cursor that is not one the API gave, then it is refused naming `after`', () => {
    expect(() => keyAfter('not+base64')).toThrow(ValidationFailed);
    expect(() => keyAfter('')).toThrow(ValidationFailed);
  });

  it('round-trips keys in any script', () => {
    for (const key of ['北京-客服', 'ヘルプ', 'Kärkkäinen', 'a']) expect(keyAfter(cursorOf(key))).toBe(key);
  });
});
