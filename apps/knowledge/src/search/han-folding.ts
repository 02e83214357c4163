/**
 * Traditional and simplified Chinese as one script for search: each traditional character (and a
 * few variant forms, 帐/賬 → 账) folds to its simplified form, character for character, so a
 * folded text keeps every character's position. Documents and queries are folded alike, so 帳單
 * finds 账单 and the other way round. A table of 277 characters common in service texts, not a
 * full converter: OpenCC (npm opencc-js) would be the complete one (not installed).
 */
const TRADITIONAL = '國際遊帳帐賬單額錯誤請確認費電話網絡號碼開關機務業戶設備線寬頻資訊據時間問題處檢維報訂購續約變轉換權驗證錄還發優餘簡數區內連斷測試無蓋範圍預儲積兌現禮會員級別營廳門訴議滿評價應軟體裝載蘋導視廣帶燈閃爍紅綠黃護貨遞達簽損壞賠償責條規則紀歷詳細項計稅標準調漲復複啟動註銷過實補辦遺掛鎖幫說書見聯繫係郵傳熱點組織夥經濟產臺灣專長場擊買賣錢幣銀結週閱讀寫們這個為麼樣嗎從對將與後裡裏沒讓給當於並進選擇繼顯頁輸舊樂節階狀態審風險隱災難雲異響鈴聲質語譯漢壓傷擔憂歡靈氣溫濕車輛鐵飛館醫療藥學習庫歸檔籤屬類億萬兩幾縣鄉鎮廠陸島韓歐紐亞參戲劇擴鍵盤觸螢慣貼圖錶鐘繳納罰滯';
const SIMPLIFIED = '国际游账账账单额错误请确认费电话网络号码开关机务业户设备线宽频资讯据时间问题处检维报订购续约变转换权验证录还发优余简数区内连断测试无盖范围预储积兑现礼会员级别营厅门诉议满评价应软体装载苹导视广带灯闪烁红绿黄护货递达签损坏赔偿责条规则纪历详细项计税标准调涨复复启动注销过实补办遗挂锁帮说书见联系系邮传热点组织伙经济产台湾专长场击买卖钱币银结周阅读写们这个为么样吗从对将与后里里没让给当于并进选择继显页输旧乐节阶状态审风险隐灾难云异响铃声质语译汉压伤担忧欢灵气温湿车辆铁飞馆医疗药学习库归档签属类亿万两几县乡镇厂陆岛韩欧纽亚参戏剧扩键盘触荧惯贴图表钟缴纳罚滞';

const FOLDS: ReadonlyMap<string, string> = new Map([...TRADITIONAL].map((char, index) => [char, [...SIMPLIFIED][index]!]));

export const foldHan = (text: string): string => text.replace(/[\u3400-\u9fff]/g, (char) => FOLDS.get(char) ?? char);
