import type { DefineCategory } from './category.decider';
import type { CategoryNames } from './category.events';

const category = (categoryId: string, [zh, en, fi, ja]: readonly [string, string, string, string]): DefineCategory => {
  const names: CategoryNames = { 'zh-Hans': zh, en, fi, ja };
  return { type: 'DefineCategory', categoryId, names };
};

/**
 * A small telecom tree a new installation starts with. Administrators add to it, rename and
 * retire through the API; a seed never overwrites a category that already exists. Parents are
 * listed before their children, so seeding in this order finds every parent defined.
 */
export const DEFAULT_CATEGORIES: readonly DefineCategory[] = [
  category('billing', ['账单', 'Billing', 'Laskutus', '請求']),
  category('billing/wrong-charge', ['错误扣费', 'Wrong charge', 'Virheellinen veloitus', '誤請求']),
  category('billing/refund', ['退款', 'Refund', 'Hyvitys', '返金']),
  category('billing/invoice', ['发票', 'Invoice', 'Lasku', '請求書']),
  category('network', ['网络', 'Network', 'Verkko', 'ネットワーク']),
  category('network/no-signal', ['无信号', 'No signal', 'Ei kuuluvuutta', '圏外']),
  category('network/slow-internet', ['网速慢', 'Slow internet', 'Hidas internet', '通信速度が遅い']),
  category('sim', ['SIM 卡', 'SIM card', 'SIM-kortti', 'SIMカード']),
  category('sim/activation', ['开卡激活', 'Activation', 'Aktivointi', '開通']),
  category('sim/replacement', ['补换卡', 'Replacement', 'Vaihto', '再発行']),
  category('plan', ['套餐', 'Plan', 'Liittymä', '料金プラン']),
  category('plan/change', ['套餐变更', 'Plan change', 'Liittymän vaihto', 'プラン変更']),
  category('device', ['终端', 'Device', 'Laite', '端末']),
  category('account', ['账户', 'Account', 'Tili', 'アカウント']),
  category('account/password', ['密码', 'Password', 'Salasana', 'パスワード']),
  category('service-quality', ['服务质量', 'Service quality', 'Palvelun laatu', 'サービス品質']),
  category('other', ['其他', 'Other', 'Muu', 'その他']),
];
