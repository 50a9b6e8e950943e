/**
 * The local sensitive-word list used when WeChat's security check is unavailable (local runs, H5).
 * Kept deliberately short and generic; production relies on WeChat's msgSecCheck.
 */
export const SENSITIVE_WORDS: readonly string[] = [
  '法轮',
  '六合彩',
  '赌博网站',
  '代开发票',
  '办证刻章',
  '枪支出售',
  '冰毒',
  '海洛因',
  '裸聊',
  '传销',
  '高利贷',
  '私家侦探',
  '傻逼',
  '操你',
  '去死吧',
]
