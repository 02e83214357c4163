import { detectLanguage } from './language-detection';

describe('detecting the language of a contact', () => {
  it.each([
    ['simplified Chinese', '本月账单多扣了 30 元，请核实。', 'zh-Hans'],
    ['traditional Chinese', '本月帳單多扣了 30 元，請核實這個問題。', 'zh-Hant'],
    ['Japanese with kana', '請求書の金額が間違っています。確認してください。', 'ja'],
    ['Japanese in katakana only', 'インターネットがつながりません', 'ja'],
    ['Finnish', 'Laskussani on virhe, minulta veloitettiin liikaa.', 'fi'],
    ['Finnish without special letters', 'Hei, lasku ei ole oikein ja liittymä ei toimi', 'fi'],
    ['English', 'My bill is wrong, please check the charge.', 'en'],
    ['Chinese with a product name in Latin letters', '我的 iPhone 15 Pro 无法激活 eSIM', 'zh-Hans'],
  ])('recognises %s', (_name, text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });

  it.each([
    ['digits only', '12345 67890'],
    ['an empty text', ''],
    ['punctuation', '?!… —'],
    ['a word in no known language', 'Xyzzy'],
  ])('does not guess from %s', (_name, text) => {
    expect(detectLanguage(text)).toBeUndefined();
  });
});
