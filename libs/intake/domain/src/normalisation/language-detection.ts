/**
 * Detects the language of a contact's text when the channel did not say: Chinese (simplified
 * or traditional), Japanese, Finnish or English. Scripts decide the first three; for Latin text
 * Finnish letters and function words decide. Short or mixed text falls back to the channel's
 * default, so this never guesses with nothing to go on.
 */
export type DetectedLanguage = 'zh-Hans' | 'zh-Hant' | 'ja' | 'fi' | 'en';

const KANA = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+/gu;

/** Characters whose simplified and traditional forms differ, common in service requests. */
const SIMPLIFIED_TRADITIONAL = [
  '这這', '个個', '们們', '说說', '时時', '会會', '来來', '对對', '请請', '账賬', '单單', '费費', '号號', '务務', '问問',
  '题題', '电電', '话話', '网網', '络絡', '开開', '关關', '发發', '现現', '机機', '实實', '经經', '过過', '还還', '没沒',
  '为為', '产產', '业業', '东東', '车車', '长長', '门門', '间間', '听聽', '见見', '让讓', '认認', '识識', '订訂', '购購',
  '买買', '卖賣', '钱錢', '银銀', '户戶', '帐帳', '额額', '错錯', '误誤', '办辦', '宽寬', '带帶', '线線', '区區', '场場',
  '当當', '从從', '与與', '吗嗎', '么麼', '两兩', '无無', '准準', '决決', '复複', '处處', '应應', '该該', '给給',
];
const SIMPLIFIED = new Set(SIMPLIFIED_TRADITIONAL.map((pair) => pair[0]));
const TRADITIONAL = new Set(SIMPLIFIED_TRADITIONAL.map((pair) => pair[1]));

const FINNISH_WORDS = new Set([
  'ja', 'on', 'ei', 'että', 'se', 'olen', 'minun', 'tämä', 'ole', 'mutta', 'kun', 'voi', 'vain', 'myös', 'mikä', 'miten',
  'onko', 'en', 'hei', 'kiitos', 'lasku', 'laskussa', 'laskun', 'liittymä', 'yhteys', 'toimi', 'apua', 'virhe',
]);
const ENGLISH_WORDS = new Set([
  'the', 'and', 'is', 'my', 'to', 'of', 'a', 'please', 'bill', 'i', 'not', 'have', 'was', 'it', 'for', 'with', 'this',
  'that', 'you', 'are', 'can', 'help', 'wrong', 'charge', 'does', 'work', 'hello', 'thanks',
]);

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

const chineseVariant = (text: string): DetectedLanguage => {
  const characters = [...text];
  const simplified = characters.filter((c) => SIMPLIFIED.has(c)).length;
  const traditional = characters.filter((c) => TRADITIONAL.has(c)).length;
  return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
};

const latinLanguage = (text: string): DetectedLanguage | undefined => {
  const words = (text.toLowerCase().match(LATIN_WORD) ?? []) as string[];
  if (words.length === 0) return undefined;
  const finnishLetters = count(text, /[äöåÄÖÅ]/gu);
  const finnish = words.filter((w) => FINNISH_WORDS.has(w)).length + finnishLetters;
  const english = words.filter((w) => ENGLISH_WORDS.has(w)).length;
  if (finnish === english) return undefined;
  return finnish > english ? 'fi' : 'en';
};

export const detectLanguage = (text: string): DetectedLanguage | undefined => {
  if (count(text, KANA) > 0) return 'ja';
  const han = count(text, HAN);
  const latin = count(text, /\p{Script=Latin}/gu);
  if (han > 0 && han >= latin / 4) return chineseVariant(text);
  return latinLanguage(text);
};
