import { bigramsOf, configFor, simpleQuery, simpleTerms } from './search-text';
import { fromHeadline, simpleSnippet } from './snippet';

describe('search text', () => {
  it('picks the stemming configuration by language', () =>
    expect(['fi', 'fi-FI', 'en-GB', 'zh-Hans', 'zh-Hant', 'ja', 'de'].map(configFor)).toEqual(['finnish', 'finnish', 'english', 'simple', 'simple', 'simple', 'simple']));

  it('indexes Chinese and Japanese by words and character bigrams', () => {
    expect(bigramsOf('請求書')).toEqual(['請求', '求書']);
    expect(simpleTerms('账单金额')).toEqual(expect.arrayContaining(['账单', '单金', '金额']));
  });

  it('asks for every bigram of a CJK query and every other word', () =>
    expect(simpleQuery("SIM卡 激活 o'brien")).toBe("'卡' & '激活' & 'sim' & 'o''brien'"));

  it('finds nothing to ask in punctuation', () => expect(simpleQuery('？！…')).toBeUndefined());

  it('marks the query in a CJK body and escapes the rest', () =>
    expect(simpleSnippet('<b>请</b>核对国际漫游账单金额', '账单')).toBe('&lt;b&gt;请&lt;/b&gt;核对国际漫游<mark>账单</mark>金额'));

  it('turns ts_headline markers into marks over escaped text', () =>
    expect(fromHeadline('a <x> ⟦laskun⟧ b')).toBe('a &lt;x&gt; <mark>laskun</mark> b'));
});
