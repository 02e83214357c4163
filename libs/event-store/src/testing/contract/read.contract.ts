import type { RecordedEvent } from '../../event-store.port';
import type { ContractContext } from '../event-store.contract';
import { aStreamId, anEvent, assertStrictlyOrdered, events, idsOf } from '../fixtures';

/** Text that breaks naive encodings: CJK, Finnish diacritics, combining marks, astral emoji. */
const multilingual = {
  zh: '客户投诉账单错误，请计费部在三个工作日内处理。',
  ja: 'お客様から請求書の誤りについて苦情がありました。「至急」対応してください。',
  fi: 'Asiakas valittaa väärästä laskusta: ääkköset Ää Öö Åå, š ja ž.',
  mixed: 'e\u0301 ≠ é · 𠮷野家 · 👩🏽‍💻 · tab\tquote" backslash\\ newline\n',
  keys: { 区域: 'GD-SZ', päätös: 'hyväksytty' },
};

export const readContract = ({ subject }: ContractContext): void => {
  const store = () => subject().store;

  describe('reading a stream', () => {
    it('given a stream of five events, when reading from version 3, then versions 3..5 come back in order', async () => {
      const streamId = aStreamId();
      const batch = events(5);
      await store().append(streamId, batch, 'no_stream');
      const tail = await store().readStream(streamId, { fromVersion: 3 });
      expect(tail.map((event) => event.streamVersion)).toEqual([3, 4, 5]);
      expect(idsOf(tail)).toEqual(idsOf(batch.slice(2)));
    });

    it('given no stream, when reading it, then it is empty', async () => {
      expect(await store().readStream(aStreamId())).toEqual([]);
    });
  });

  describe('reading the global log', () => {
    it('given appends to several streams, when reading in small batches after the head, then every event comes once in position order', async () => {
      const head = await store().headPosition();
      const appended = [...events(3), ...events(4), ...events(2)];
      await store().append(aStreamId(), appended.slice(0, 3), 'no_stream');
      await store().append(aStreamId(), appended.slice(3, 7), 'no_stream');
      await store().append(aStreamId(), appended.slice(7), 'no_stream');

      const read: RecordedEvent[] = [];
      let after = head;
      for (let round = 0; round < 10; round += 1) {
        const batch = await store().readAll({ after, maxCount: 4 });
        expect(batch.length).toBeLessThanOrEqual(4);
        if (batch.length === 0) break;
        read.push(...batch);
        after = batch[batch.length - 1]!.position;
      }
      assertStrictlyOrdered(read);
      expect(read.every((event) => event.position > head)).toBe(true);
      expect(idsOf(read).filter((id) => idsOf(appended).includes(id))).toEqual(idsOf(appended));
      expect(await store().headPosition()).toBe(read[read.length - 1]?.position);
    });

    it('given an event, when reading after its own position, then it is not returned again', async () => {
      const { lastPosition } = await store().append(aStreamId(), events(1), 'no_stream');
      const after = await store().readAll({ after: lastPosition, maxCount: 100 });
      expect(after.every((event) => event.position > lastPosition)).toBe(true);
    });
  });

  describe('unicode', () => {
    it('given Chinese, Japanese and Finnish text, when stored and read back, then it is byte-exact', async () => {
      const streamId = aStreamId('案件');
      const event = anEvent('CaseOpened', multilingual);
      const { lastPosition } = await store().append(streamId, [event], 'no_stream');
      const [fromStream] = await store().readStream(streamId);
      const fromLog = (await store().readAll({ after: lastPosition - 1n, maxCount: 1 }))[0];
      for (const stored of [fromStream, fromLog]) {
        expect(stored?.streamId).toBe(streamId);
        expect(stored?.data).toEqual(multilingual);
        expect(Buffer.from(JSON.stringify(stored?.data.zh))).toEqual(
          Buffer.from(JSON.stringify(multilingual.zh)),
        );
        expect(stored?.data.mixed).toBe(multilingual.mixed);
        expect(stored?.data.fi).toBe(multilingual.fi);
      }
    });
  });
};
