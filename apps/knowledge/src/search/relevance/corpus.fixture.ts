import { foldHan } from '../han-folding';

/**
 * A fixed multilingual corpus for relevance: 40 service topics, each written in English, Finnish,
 * Japanese, simplified and traditional Chinese (200 articles). Finnish titles and bodies use
 * inflected forms only, so a query in the base form must go through stemming; the traditional
 * articles are the simplified ones written in traditional characters.
 */
interface Topic {
  readonly key: string;
  /** Finnish base form, and the two inflected forms the title and body use. */
  readonly fi: readonly [string, string, string];
  readonly en: readonly [title: string, sentence: string];
  readonly ja: string;
  readonly zh: string;
}

const t = (key: string, fi: Topic['fi'], en: Topic['en'], [ja, zh]: readonly [ja: string, zh: string]): Topic => ({ key, fi, en, ja, zh });

export const TOPICS: readonly Topic[] = [
  t('roaming', ['verkkovierailu', 'verkkovierailun', 'verkkovierailussa'], ['Roaming charges abroad', 'Data used while travelling abroad is billed at roaming rates.'], ['海外ローミング料金', '国际漫游费用']),
  t('invoice', ['lasku', 'laskun', 'laskussa'], ['Wrong amount on the invoice', 'If the invoice amount looks wrong, compare it with the itemised list.'], ['請求書の金額誤り', '账单金额错误']),
  t('password', ['salasana', 'salasanan', 'salasanalla'], ['Resetting a forgotten password', 'Request a password reset link by email.'], ['パスワードの再設定', '重置忘记的密码']),
  t('subscription', ['liittymä', 'liittymän', 'liittymässä'], ['Changing your mobile subscription', 'A subscription change takes effect at the start of the next month.'], ['携帯契約プランの変更', '更改手机套餐']),
  t('payment', ['maksu', 'maksun', 'maksussa'], ['Failed card payment', 'A payment can fail when the card has expired.'], ['カード決済の失敗', '银行卡支付失败']),
  t('sms', ['viesti', 'viestin', 'viestissä'], ['Text messages not arriving', 'Check that the message centre number is set.'], ['ショートメッセージが届かない', '短信收不到']),
  t('porting', ['numero', 'numeron', 'numeroon'], ['Keeping your phone number when switching', 'Number porting moves your number from another operator.'], ['電話番号の引き継ぎ', '携号转网']),
  t('balance', ['saldo', 'saldon', 'saldosta'], ['Checking prepaid balance', 'Your prepaid balance is shown in the app.'], ['プリペイド残高の確認', '查询预付费余额']),
  t('battery', ['akku', 'akun', 'akussa'], ['Phone battery drains quickly', 'Background apps drain the battery.'], ['バッテリーの消耗が早い', '手机电池耗电快']),
  t('price', ['hinta', 'hinnan', 'hinnassa'], ['Price change of your plan', 'We announce a price change one month ahead.'], ['料金プランの値上げ', '套餐价格调整']),
  t('sim', ['kortti', 'kortin', 'kortissa'], ['Activating a new SIM card', 'Insert the SIM card and restart the phone to activate it.'], ['新しいSIMカードの有効化', '激活新的SIM卡']),
  t('address', ['osoite', 'osoitteen', 'osoitteessa'], ['Updating your postal address', 'Update the postal address before you move.'], ['郵送先住所の変更', '修改通讯地址']),
  t('gift', ['lahja', 'lahjan', 'lahjaksi'], ['Gift cards and vouchers', 'A gift card is redeemed at checkout.'], ['ギフトカードの使い方', '礼品卡使用说明']),
  t('warranty', ['takuu', 'takuun', 'takuussa'], ['Device warranty repairs', 'Warranty repairs are free for two years.'], ['端末の保証修理', '设备保修维修']),
  t('router', ['reititin', 'reitittimen', 'reitittimessä'], ['Home router keeps restarting', 'A router that restarts may be overheating.'], ['ルーターが再起動を繰り返す', '家用路由器反复重启']),
  t('fibre', ['kaapeli', 'kaapelin', 'kaapelissa'], ['Damaged fibre cable at home', 'Do not bend the fibre cable.'], ['光ケーブルの損傷', '光缆损坏']),
  t('tv', ['televisio', 'television', 'televisiossa'], ['TV channels missing', 'Run a channel search on the television.'], ['テレビのチャンネルが映らない', '电视频道缺失']),
  t('antenna', ['antenni', 'antennin', 'antennissa'], ['Antenna signal problems', 'Point the antenna towards the mast.'], ['アンテナの受信不良', '天线信号差']),
  t('licence', ['lisenssi', 'lisenssin', 'lisenssissä'], ['Software licence renewal', 'The licence renews every year.'], ['ソフトウェアライセンスの更新', '软件许可证续期']),
  t('parcel', ['paketti', 'paketin', 'paketissa'], ['Parcel delivery of your order', 'Track the parcel with its tracking code.'], ['小包の配達状況', '包裹配送状态']),
  t('backup', ['varmuuskopio', 'varmuuskopion', 'varmuuskopiossa'], ['Restoring a cloud backup', 'A backup can be restored to a new phone.'], ['クラウドバックアップの復元', '恢复云备份']),
  t('storage', ['pilvi', 'pilven', 'pilvessä'], ['Cloud storage is full', 'Delete old photos to free storage.'], ['クラウドストレージ容量不足', '云存储空间已满']),
  t('moving', ['muutto', 'muuton', 'muutossa'], ['Moving house with broadband', 'Tell us your moving date two weeks ahead.'], ['引っ越し時の回線移転', '搬家宽带移机']),
  t('camera', ['kamera', 'kameran', 'kamerassa'], ['Security camera offline', 'The camera needs a stable wireless connection.'], ['防犯カメラがオフライン', '监控摄像头离线']),
  t('tablet', ['tabletti', 'tabletin', 'tabletissa'], ['Tablet will not charge', 'Try another charger and cable for the tablet.'], ['タブレットが充電できない', '平板电脑无法充电']),
  t('watch', ['kello', 'kellon', 'kellossa'], ['Smartwatch pairing', 'Pair the smartwatch through the companion app.'], ['スマートウォッチのペアリング', '智能手表配对']),
  t('collection', ['perintä', 'perinnän', 'perinnässä'], ['Unpaid bill sent to debt collection', 'Debt collection starts after two reminders.'], ['未払い料金の債権回収', '欠费催收']),
  t('unlock', ['lukko', 'lukon', 'lukossa'], ['Unlocking a locked phone', 'A locked phone is unlocked with its PUK code.'], ['端末ロックの解除', '手机解锁']),
  t('debit', ['suoramaksu', 'suoramaksun', 'suoramaksussa'], ['Setting up direct debit', 'Direct debit pays each bill on its due date.'], ['口座振替の設定', '设置银行代扣']),
  t('settop', ['virhe', 'virheen', 'virheessä'], ['Error code on the set-top box', 'Write down the error code shown on the screen.'], ['セットトップボックスのエラーコード', '机顶盒故障代码']),
  t('loyalty', ['kampanja', 'kampanjan', 'kampanjassa'], ['Joining a loyalty campaign', 'Loyalty points are collected with every purchase.'], ['ポイントキャンペーンへの参加', '参加积分活动']),
  t('partner', ['kumppani', 'kumppanin', 'kumppanille'], ['Partner portal access', 'Partner staff sign in to the portal with their own account.'], ['パートナーポータルへのアクセス', '合作伙伴门户访问']),
  t('reseller', ['jälleenmyyjä', 'jälleenmyyjän', 'jälleenmyyjältä'], ['Reseller commission report', 'The commission report is published monthly.'], ['販売代理店の手数料報告', '代理商佣金报表']),
  t('calls', ['puhelu', 'puhelun', 'puhelussa'], ['Dropped calls', 'Calls drop where coverage is weak.'], ['通話が切れる', '通话掉线']),
  t('intl-calls', ['ulkomaanpuhelu', 'ulkomaanpuhelun', 'ulkomaanpuheluissa'], ['International call rates', 'Calls to other countries are charged per minute.'], ['国際電話の料金', '国际长途话费']),
  t('datapack', ['datapaketti', 'datapaketin', 'datapaketissa'], ['Buying an extra data pack', 'An extra data pack is valid for thirty days.'], ['追加データパックの購入', '购买流量加油包']),
  t('blocking', ['esto', 'eston', 'estossa'], ['Blocking premium numbers', 'Premium rate numbers can be blocked in settings.'], ['有料番号のブロック', '屏蔽付费号码']),
  t('modem', ['modeemi', 'modeemin', 'modeemissa'], ['Modem lights blinking red', 'A red light on the modem means no line signal.'], ['モデムのランプが赤く点滅', '调制解调器红灯闪烁']),
  t('overheating', ['puhelin', 'puhelimen', 'puhelimessa'], ['Phone overheating', 'An overheating phone should be switched off.'], ['スマホが熱くなる', '手机发烫']),
  t('voicemail', ['vastaaja', 'vastaajan', 'vastaajassa'], ['Setting up voicemail', 'Record a voicemail greeting for missed calls.'], ['留守番電話の設定', '设置语音信箱']),
];

export type CorpusLanguage = 'en' | 'fi' | 'ja' | 'zh-Hans' | 'zh-Hant';
export const CORPUS_LANGUAGES: readonly CorpusLanguage[] = ['en', 'fi', 'ja', 'zh-Hans', 'zh-Hant'];

/** Simplified to traditional for writing the traditional articles: the folding table read backwards. */
const toTraditional = (() => {
  const back = new Map<string, string>();
  for (let code = 0x3400; code <= 0x9fff; code += 1) {
    const char = String.fromCharCode(code);
    const folded = foldHan(char);
    if (folded !== char && !back.has(folded)) back.set(folded, char);
  }
  return (text: string): string => [...text].map((char) => back.get(char) ?? char).join('');
})();

const FILLER: Record<CorpusLanguage, string> = {
  en: 'Our support team answers around the clock in the app and by chat.',
  fi: 'Asiakaspalvelumme vastaa ympäri vuorokauden sovelluksessa ja chatissa.',
  ja: 'サポート窓口はアプリとチャットで二十四時間対応しています。',
  'zh-Hans': '客服团队在应用和在线聊天中全天候为您服务。',
  'zh-Hant': toTraditional('客服团队在应用和在线聊天中全天候为您服务。'),
};

export interface CorpusArticle {
  readonly key: string;
  readonly language: CorpusLanguage;
  readonly title: string;
  readonly body: string;
}

const articleIn = (topic: Topic, language: CorpusLanguage): CorpusArticle => {
  const [, titleForm, bodyForm] = topic.fi;
  const texts: Record<CorpusLanguage, [string, string]> = {
    en: [topic.en[0], topic.en[1]],
    fi: [`Ohje: ${titleForm} ongelmat`, `Näin toimit, kun ongelma on ${bodyForm}.`],
    ja: [topic.ja, `${topic.ja}についての手順です。`],
    'zh-Hans': [topic.zh, `关于${topic.zh}的处理步骤。`],
    'zh-Hant': [toTraditional(topic.zh), toTraditional(`关于${topic.zh}的处理步骤。`)],
  };
  const [title, sentence] = texts[language];
  return { key: topic.key, language, title, body: `${sentence} ${FILLER[language]}` };
};

export const CORPUS: readonly CorpusArticle[] = TOPICS.flatMap((topic) => CORPUS_LANGUAGES.map((language) => articleIn(topic, language)));

/** A query and the article it must find among the first three: topic and language. */
export interface RelevanceQuery {
  readonly q: string;
  readonly kind: string;
  readonly expected: readonly [key: string, language: CorpusLanguage];
}

const q = (kind: string, query: string, key: string, language: CorpusLanguage): RelevanceQuery => ({ q: query, kind, expected: [key, language] });

export const QUERIES: readonly RelevanceQuery[] = [
  q('English', 'roaming abroad', 'roaming', 'en'),
  q('English typo', 'invocie amount', 'invoice', 'en'),
  q('English typo', 'pasword reset', 'password', 'en'),
  q('English partial word', 'subscr', 'subscription', 'en'),
  q('English', 'battery drains', 'battery', 'en'),
  q('English typo', 'warrenty repairs', 'warranty', 'en'),
  q('English stem', 'router restarting', 'router', 'en'),
  q('English', 'licence renewal', 'licence', 'en'),
  q('English partial word', 'smartwat', 'watch', 'en'),
  q('English', 'voicemail', 'voicemail', 'en'),
  q('English stem', 'dropped call', 'calls', 'en'),
  q('English typo', 'direct debitt', 'debit', 'en'),
  q('Finnish base form', 'lasku', 'invoice', 'fi'),
  q('Finnish base form', 'salasana', 'password', 'fi'),
  q('Finnish base form', 'verkkovierailu', 'roaming', 'fi'),
  q('Finnish base form', 'reititin', 'router', 'fi'),
  q('Finnish base form', 'varmuuskopio', 'backup', 'fi'),
  q('Finnish base form', 'jälleenmyyjä', 'reseller', 'fi'),
  q('Finnish base form', 'ulkomaanpuhelu', 'intl-calls', 'fi'),
  q('Finnish base form', 'datapaketti', 'datapack', 'fi'),
  q('Finnish base form', 'akku', 'battery', 'fi'),
  q('Finnish inflected', 'takuussa', 'warranty', 'fi'),
  q('Finnish inflected', 'laskussa', 'invoice', 'fi'),
  q('Finnish inflected', 'modeemissa', 'modem', 'fi'),
  q('Japanese', '請求書の金額', 'invoice', 'ja'),
  q('Japanese', 'パスワード', 'password', 'ja'),
  q('Japanese', 'ローミング', 'roaming', 'ja'),
  q('Japanese', 'ルーター', 'router', 'ja'),
  q('Japanese', 'バッテリー', 'battery', 'ja'),
  q('Japanese', '口座振替', 'debit', 'ja'),
  q('Japanese', '留守番電話', 'voicemail', 'ja'),
  q('Japanese', 'ギフトカード', 'gift', 'ja'),
  q('Japanese', '通話が切れる', 'calls', 'ja'),
  q('Japanese', 'モデムのランプ', 'modem', 'ja'),
  q('traditional query, simplified article', '帳單金額', 'invoice', 'zh-Hans'),
  q('traditional query, simplified article', '國際漫遊', 'roaming', 'zh-Hans'),
  q('traditional query, simplified article', '電視頻道', 'tv', 'zh-Hans'),
  q('traditional query, simplified article', '語音信箱', 'voicemail', 'zh-Hans'),
  q('traditional query, simplified article', '欠費催收', 'collection', 'zh-Hans'),
  q('simplified query, traditional article', '路由器', 'router', 'zh-Hant'),
  q('simplified query, traditional article', '屏蔽付费号码', 'blocking', 'zh-Hant'),
  q('simplified query, traditional article', '手机发烫', 'overheating', 'zh-Hant'),
  q('simplified query, traditional article', '礼品卡', 'gift', 'zh-Hant'),
  q('simplified query, traditional article', '搬家宽带', 'moving', 'zh-Hant'),
  q('simplified query, traditional article', '积分活动', 'loyalty', 'zh-Hant'),
];
