// The console's own labels in English and Chinese, and the language switch. The console translates only its own
// labels; the verdicts' text comes from the service in the language asked for (Accept-Language). Labels are looked up
// by their English text, so a page needs no markup for them: every text node, and the aria-label, title and
// placeholder attributes, whose English is in the table is shown in Chinese, also when a page adds it later.

const KEY = 'reserve-watch.lang';

/** English → 中文, the console's labels (codes, field names and rule names stay as they are). */
export const LABELS = {
  "$bn": "十亿美元",
  ". Click the chart for this week's verdict.": "。点击图表查看当周研判结论。",
  "2025-10-24: the article's snapshot": "2025年10月24日：文章所述快照",
  "A series file (JSON array of snapshots, or CSV)": "序列文件（快照的JSON数组或CSV）",
  "Actions": "建议操作",
  "Admin token": "管理员令牌",
  "Are net asset purchases (QE) under way?": "是否正在进行净资产购买（QE）？",
  "Bottom of the FOMC target range": "FOMC目标区间下限",
  "Built on stale data.": "所依据的数据已过期。",
  "CPI, change over a year": "CPI同比涨幅",
  "CRITICAL": "严重",
  "Chart of the history": "历史图表",
  "Check": "检查",
  "Choose a series file first.": "请先选择序列文件。",
  "Choose the FRED CSV files first.": "请先选择FRED CSV文件。",
  "Clear": "清空",
  "Console": "控制台",
  "Copied.": "已复制。",
  "Copy JSON": "复制JSON",
  "Copy curl": "复制curl命令",
  "Core PCE, change over a year": "核心PCE同比涨幅",
  "Date": "日期",
  "Decision": "决策编号",
  "Download": "下载",
  "EFFR−IORB bp": "EFFR−IORB（基点）",
  "Each series": "各数据序列",
  "Edit": "编辑",
  "Effective federal funds rate": "联邦基金有效利率（EFFR）",
  "Every fetched week on the History page": "在“历史回溯”页面查看已抓取的每一周",
  "Every rule fires in some scenario.": "每条规则都至少在一个情景中触发。",
  "Every scenario passes: the service would take this edit.": "所有情景均通过：服务将接受这一修改。",
  "FOMC decision": "FOMC决策",
  "FRED CSV files": "FRED CSV文件",
  "FRED downloads (one CSV per series, named by its code, such as WRESBAL.csv)": "FRED下载文件（每个序列一个CSV，以序列代码命名，如WRESBAL.csv）",
  "Facilities": "便利工具",
  "File": "文件",
  "Files and their rules": "规则文件及其规则",
  "Fill in what you know; an empty field stays absent (never zero), and the rules that need it say so.": "填写已知数据即可：留空的字段视为缺失（绝不按零处理），需要该数据的规则会注明无法判断。",
  "Fires in": "触发情景",
  "From": "起始日期",
  "HIGH": "高",
  "History": "历史回溯",
  "History · Reserve Watch": "历史回溯 · Reserve Watch",
  "INFO": "提示",
  "Impact": "影响评估",
  "Inflation": "通胀",
  "Interest on reserve balances": "准备金余额利率（IORB）",
  "Is the runoff (QT) under way? Unknown leaves the runoff out": "是否正在缩表（QT）？选“未知”则不考虑缩表状态",
  "Its reference peak; absent: the highest balance in the history": "其参考峰值；留空则取历史数据中的最高余额",
  "Judge": "研判",
  "Judge a snapshot": "研判市场快照",
  "Judge a snapshot to see the regime, the signals, the actions and why.": "提交快照后，这里将显示准备金状态、各项信号、建议操作及其理由。",
  "Judge a snapshot · Reserve Watch": "研判市场快照 · Reserve Watch",
  "Judge without them": "不带历史数据研判",
  "Judging every week…": "正在逐周研判…",
  "Judging…": "研判中…",
  "Large banks' excess reserves against their assets": "大型银行超额准备金占其资产的比率",
  "Last attempt": "最近一次尝试",
  "Last success (every series)": "最近一次成功（全部序列）",
  "Latest week judged": "最近研判的一周",
  "Line": "阈值",
  "Monthly cap on MBS runoff": "MBS每月缩减上限",
  "Monthly cap on Treasury runoff": "国债每月缩减上限",
  "Mortgage-backed securities held outright (SOMA)": "直接持有的机构抵押贷款支持证券（MBS，SOMA）",
  "Next attempt": "下一次尝试",
  "No alert yet.": "尚无警报。",
  "No ruleset is active yet: the last refused edit below says why.": "尚无生效的规则集，原因见下方“最近一次被拒绝的修改”。",
  "No trigger can be measured from the figures given.": "根据所给数据，无法测算任何触发条件。",
  "No week judged yet: the first fetch judges every week since 2018.": "尚未研判任何一周：首次抓取后将研判2018年以来的每一周。",
  "Nominal GDP, annualised": "名义GDP（年化）",
  "None: the rules recommend no change.": "无：规则不建议做任何调整。",
  "Not given, so rules that need them could not decide:": "以下数据未提供，依赖这些数据的规则无法判断：",
  "Not saved": "未保存",
  "ON RRP": "隔夜逆回购（ON RRP）",
  "ON RRP $bn": "ON RRP（十亿美元）",
  "Observed": "观测值",
  "Open": "查看",
  "Overnight reverse repo facility balance (RRPONTSYD)": "隔夜逆回购工具余额（RRPONTSYD）",
  "RULES_AUTHOR_TOKEN to check a draft and see its impact; RULES_ADMIN_TOKEN to save it. Kept only while this page is open.": "RULES_AUTHOR_TOKEN可用于检查草稿并评估影响；RULES_ADMIN_TOKEN可用于保存。令牌仅在本页面打开期间保留。",
  "Rates against IORB and the range": "利率：对照IORB与目标区间",
  "Recent alerts": "最近的警报",
  "Recommended actions": "建议操作",
  "Refresh": "刷新",
  "Refresh from FRED": "从FRED刷新",
  "Regime": "准备金状态",
  "Regime and the figures that matter": "准备金状态与关键指标",
  "Reload": "重新载入",
  "Reserve balances with the Fed (H.4.1, WRESBAL)": "存放于美联储的准备金余额（H.4.1，WRESBAL）",
  "Reserves": "准备金",
  "Reserves $bn": "准备金（十亿美元）",
  "Result": "结果",
  "Rule": "规则",
  "Rules": "规则",
  "Rules token": "规则令牌",
  "Rules · Reserve Watch": "规则 · Reserve Watch",
  "Runoff in force": "现行缩表安排",
  "SOFR−IORB bp": "SOFR−IORB（基点）",
  "Save": "保存",
  "Save writes the file into the rules folder (admin token) once it passes the checks; the service then activates it.": "检查通过后，“保存”会将文件写入规则目录（需管理员令牌），随后服务即启用该版本。",
  "Scenario": "情景",
  "Scenarios": "情景",
  "Scenarios that would fail": "将不通过的情景",
  "Secured overnight financing rate": "有担保隔夜融资利率（SOFR）",
  "Series file": "序列文件",
  "Severity": "级别",
  "Show": "显示",
  "Signal": "信号",
  "Signals": "信号",
  "Signals added": "新增信号",
  "Signals gone": "消失信号",
  "Smaller banks' excess reserves against their assets": "中小银行超额准备金占其资产的比率",
  "Source": "数据来源",
  "Standing repo facility take-up (the highest day of the week)": "常设回购便利使用量（取当周单日最高值）",
  "Start from": "预填内容",
  "The Fed's total assets (WALCL)": "美联储总资产（WALCL）",
  "The Treasury's cash at the Fed, which drains reserves as it grows": "财政部存放于美联储的现金（TGA），其余额上升会消耗准备金",
  "The actions never changed.": "建议操作始终未变。",
  "The answer broke off": "响应中断",
  "The answer is not JSON": "响应不是有效的JSON",
  "The browser refused the clipboard: select the text and copy it.": "浏览器拒绝访问剪贴板，请手动选中文本后复制。",
  "The day the figures describe (required)": "数据所对应的日期（必填）",
  "The day's highest overnight repo rate": "当日隔夜回购最高成交利率",
  "The draft cannot run": "草稿无法运行",
  "The draft does not compile or run.": "草稿无法编译或运行。",
  "The draft fails.": "草稿未通过。",
  "The last refused edit": "最近一次被拒绝的修改",
  "The latest alerts the watch raised, newest first; each went once to every webhook.": "观察功能最近发出的警报，最新的在前；每条警报只向每个webhook发送一次。",
  "The latest week": "最近一周",
  "The rules folder is read-only here (on Kubernetes it is a ConfigMap): Download the edited file and ship it as k8s/README.md, “Shipping a rule edit”, says.": "此处规则目录为只读（在Kubernetes上为ConfigMap）：请下载修改后的文件，按k8s/README.md中“Shipping a rule edit”一节的说明发布。",
  "The rules folder is read-only here: edits are downloaded and shipped.": "此处规则目录为只读：修改需下载后随部署发布。",
  "The rules folder is writable: an admin may save edits here.": "规则目录可写：管理员可在此保存修改。",
  "The rules week by week: the regime as coloured bands, the weeks the recommended actions changed as markers, the FOMC's balance-sheet decisions as labelled lines. Hover for a week's figures; click for its verdict.": "逐周回看规则的研判：彩色色带表示准备金状态，三角标记表示建议操作发生变化的周，带标注的竖线表示FOMC的资产负债表决策。鼠标悬停可查看当周数据，点击可查看当周研判结论。",
  "The service cannot be reached": "无法连接服务",
  "The service would refuse this edit as it stands.": "按目前内容，服务将拒绝这一修改。",
  "The shipped weekly history (FRED, 2018 on)": "内置周度历史数据（FRED，2018年起）",
  "The snapshot as JSON, and as a curl command": "快照的JSON格式及curl命令",
  "The watch is off": "观察功能未开启",
  "The week's verdict": "当周研判结论",
  "The weeks before it": "此前各周",
  "To": "截止日期",
  "To turn it on, set ": "如需开启，请设置",
  "Top of the FOMC target range": "FOMC目标区间上限",
  "Total assets of all commercial banks (H.8): the base of reserves’ share": "全部商业银行总资产（H.8），用于计算准备金占比",
  "Treasuries held outright (SOMA)": "直接持有的美国国债（SOMA）",
  "Type a rules token first: the service runs no rule text for an anonymous caller.": "请先输入规则令牌：服务不会为匿名调用者运行任何规则文本。",
  "Valid.": "有效。",
  "Verdict": "研判结论",
  "WARN": "关注",
  "Watch": "观察",
  "Watch · Reserve Watch": "观察 · Reserve Watch",
  "Watchlist": "观察清单",
  "Week": "周",
  "Weeks that would change": "将发生变化的周",
  "What it means": "解读",
  "When the recommended actions changed": "建议操作的变化",
  "Where it stands": "当前状态",
  "Why": "研判说明",
  "actions changed": "操作变化",
  "an empty form": "空白表单",
  "because": "依据：",
  "bp": "基点",
  "date": "日期",
  "fires above": "高于阈值触发",
  "fires below": "低于阈值触发",
  "firing": "已触发",
  "never": "从未",
  "no": "否",
  "no action": "无操作",
  "no scenario": "无",
  "none": "无",
  "none yet": "暂无",
  "passed": "通过",
  "unknown": "未知",
  "week": "周",
  "yes": "是",
  "yes / no": "是 / 否",
  "· ruleset": "· 规则集"
};

/** The language chosen (remembered in the page's local storage); the browser's language the first time. */
export function language() {
  let chosen = null;
  try {
    chosen = localStorage.getItem(KEY);
  } catch (error) {
    chosen = null;
  }
  if (chosen === 'en' || chosen === 'zh') return chosen;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A label in the language chosen. */
export function t(english) {
  return language() === 'zh' && LABELS[english] ? LABELS[english] : english;
}

const ATTRIBUTES = ['aria-label', 'title', 'placeholder'];

function translate(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = node.nodeValue.trim();
    if (text && LABELS[text]) node.nodeValue = node.nodeValue.replace(text, LABELS[text]);
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.matches('script, style, pre, code, textarea, .explanation')) return;
  for (const name of ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value && LABELS[value.trim()]) node.setAttribute(name, LABELS[value.trim()]);
  }
  for (const child of node.childNodes) translate(child);
}

function switcher(current) {
  const nav = document.createElement('nav');
  nav.className = 'language';
  nav.setAttribute('aria-label', current === 'zh' ? '语言' : 'Language');
  for (const [code, name] of [['en', 'English'], ['zh', '中文']]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'secondary';
    button.lang = code;
    button.dataset.lang = code;
    button.textContent = name;
    if (code === current) button.setAttribute('aria-current', 'true');
    button.addEventListener('click', () => {
      try {
        localStorage.setItem(KEY, code);
      } catch (error) {
        // storage refused: the choice lasts for this page only
      }
      location.reload();
    });
    nav.append(button);
  }
  return nav;
}

/** Puts the switch in the header and, in Chinese, shows the page's labels in Chinese from now on. */
export function installLanguage() {
  const current = language();
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  const header = document.querySelector('header.top');
  if (header && !header.querySelector('nav.language')) header.append(switcher(current));
  if (current !== 'zh') return;
  document.title = LABELS[document.title] || document.title;
  translate(document.body);
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'characterData') translate(change.target);
      else change.addedNodes.forEach(translate);
    }
  }).observe(document.body, { childList: true, subtree: true });
}

installLanguage();
