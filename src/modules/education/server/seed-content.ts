/**
 * Original demo content written for Xiaobao (not copied from any source). Video records point to
 * no real clip: `mediaUrl` is null (the portal shows the poster, subtitles and key points and the
 * course player simulates playback time), which the issue allows for demo data.
 */
export type SeedArticle = { title: string; summary: string; body: string; tags: string[]; audiences: string[] };

const p = (...paras: string[]) => paras.map((x) => (x.startsWith('<') ? x : `<p>${x}</p>`)).join('');

export const SEED_ARTICLES: SeedArticle[] = [
  {
    title: '金融消费者的八项权利，您都知道吗？',
    summary: '知情、自主选择、公平交易、财产安全、依法求偿、受教育、受尊重、信息安全——一文读懂。',
    body: p(
      '<h2>八项权利是什么</h2>',
      '在银行办业务时，您享有八项基本权利：知情权、自主选择权、公平交易权、财产安全权、依法求偿权、受教育权、受尊重权和信息安全权。',
      '<h3>怎样用好这些权利</h3>',
      '<ul><li>签字前问清楚风险、费用和收益；</li><li>不想买的产品可以说“不”；</li><li>遇到问题先向银行投诉，也可以拨打 12378 咨询。</li></ul>',
      '记住：权利写在纸上，更要用在身边。',
    ),
    tags: ['right.know', 'right.choice', 'right.fair', 'right.property', 'right.redress', 'right.education', 'right.respect', 'right.info'],
    audiences: ['elderly', 'youth', 'new_urban', 'rural'],
  },
  {
    title: '“刷单返利”为什么一刷就亏？',
    summary: '先给小甜头，再让您垫大钱——刷单返利诈骗的三步套路。',
    body: p(
      '<h2>套路拆解</h2>',
      '第一步，以“在家动动手指、日赚几百”为诱饵拉人进群；第二步，先完成几单小额任务并按时返利；第三步，推出“联单”“高佣任务”，要求连续垫付，最后以“操作失误”“账户冻结”为由拒绝返还。',
      '<h3>一句话防骗</h3>',
      '<p><strong>刷单本身就是违法行为，凡是要求先垫钱的兼职都是诈骗。</strong></p>',
    ),
    tags: ['fraud.rebate'],
    audiences: ['youth', 'women', 'gig_workers'],
  },
  {
    title: '“导师带你炒股”背后的虚假投资平台',
    summary: '人均损失最高的诈骗类型：如何识别假平台、假导师、假收益。',
    body: p(
      '虚假网络投资理财诈骗往往从一个“股票交流群”开始。群里的“导师”每天分享“内幕消息”，“学员”不断晒出盈利截图，让人信以为真。',
      '<h3>三个识别要点</h3>',
      '<ol><li>查牌照：正规投资只通过持牌金融机构进行；</li><li>看承诺：“稳赚不赔”“保本高收益”都是假的；</li><li>试提现：要求先交“保证金”“个税”才能提现的，立即停止并报警。</li></ol>',
    ),
    tags: ['fraud.investment', 'aml.illegal_fundraising'],
    audiences: ['new_urban', 'women', 'elderly'],
  },
  {
    title: '接到“客服”说要给您理赔？先挂电话',
    summary: '冒充电商物流客服诈骗：理赔、退款、关闭“百万保障”都是借口。',
    body: p(
      '骗子会准确说出您的姓名、订单号和收货地址，让人放松警惕。随后以“商品质量问题双倍理赔”“误开通会员将每月扣费”等理由，诱导您下载会议软件、开启屏幕共享，或者把钱转到“安全账户”。',
      '<blockquote>正规客服不会要求屏幕共享，也不会索要验证码。</blockquote>',
      '遇到此类电话，请挂断后通过官方 App 或官方客服电话自行核实。',
    ),
    tags: ['fraud.customer_service', 'right.info'],
    audiences: ['youth', 'women', 'new_urban'],
  },
  {
    title: '“无抵押、秒到账”的贷款为什么先要交钱？',
    summary: '虚假贷款与虚假征信诈骗：放款前收费的都是骗局。',
    body: p(
      '<h2>看清套路</h2>',
      '骗子在网页、短信中宣称“无抵押、免征信、秒到账”，等您填写资料后，再以“解冻费”“保证金”“刷流水”为名要求转账。',
      '<h3>关于征信</h3>',
      '征信记录不能花钱“修复”。对记录有异议的，可以免费向征信中心或报送机构提出异议申请。',
    ),
    tags: ['fraud.loan', 'fraud.credit_repair', 'topic.loans'],
    audiences: ['youth', 'new_urban', 'gig_workers', 'rural'],
  },
  {
    title: '“公检法”来电要您转账到安全账户？这是诈骗',
    summary: '公检法机关不会电话办案，不存在“安全账户”。',
    body: p(
      '骗子冒充公安、检察院、法院工作人员，称您涉嫌洗钱或身份被冒用，出示伪造的“通缉令”，要求您对家人保密，到宾馆单独配合“调查”，并把钱转到所谓的“安全账户”。',
      '<p><strong>记住三点：</strong>公检法不会电话办案；不会要求转账；没有“安全账户”。</p>',
      '接到 96110 的来电请耐心接听，那是反诈专线在提醒您。',
    ),
    tags: ['fraud.impersonate_police', 'aml.due_diligence'],
    audiences: ['elderly', 'new_urban'],
  },
  {
    title: '不出租、不出借、不出售：守好自己的银行卡',
    summary: '“断卡”行动与反洗钱：为他人“过账”可能让自己承担法律责任。',
    body: p(
      '有人以“帮忙走账、每笔给提成”为诱饵收购银行卡、手机卡和收款码。这些账户往往被用来转移诈骗、赌博的赃款。',
      '<h3>可能的后果</h3>',
      '<ul><li>账户被冻结，本人名下业务受限；</li><li>被纳入惩戒名单，影响个人信用；</li><li>情节严重的，可能构成帮助信息网络犯罪活动罪或掩饰、隐瞒犯罪所得罪。</li></ul>',
    ),
    tags: ['aml.no_rental', 'aml.gambling', 'topic.cards'],
    audiences: ['youth', 'gig_workers', 'rural'],
  },
  {
    title: '银行为什么要问我“钱从哪里来”？',
    summary: '读懂反洗钱客户尽职调查：配合核验是每个人的义务。',
    body: p(
      '修订后的《反洗钱法》自 2025 年 1 月 1 日起施行，明确单位和个人应当配合金融机构开展客户尽职调查。',
      '银行核验身份证件、了解交易目的和资金来源，是为了防止账户被不法分子利用，也是在保护您的资金安全。',
      '<p>请注意：银行会核验身份，但<strong>绝不会索要密码和验证码</strong>。</p>',
    ),
    tags: ['aml.due_diligence', 'aml.reporting', 'right.info'],
    audiences: ['new_urban', 'elderly', 'rural'],
  },
  {
    title: '守好“养老钱”：五类养老诈骗要警惕',
    summary: '养老项目、以房养老、保健品、代办养老金提额、非法代理维权。',
    body: p(
      '<h2>常见的五类养老诈骗</h2>',
      '<ol><li>“养老项目”高息投资；</li><li>以“以房养老”为名骗取房产；</li><li>免费体检、免费旅游后推销高价保健品；</li><li>“代办养老金提额”先收手续费；</li><li>“代理维权”声称全额追回损失。</li></ol>',
      '遇到要掏钱的事情，先和子女商量，或到银行网点问一问。',
    ),
    tags: ['fraud.pension', 'topic.elderly', 'aml.illegal_fundraising'],
    audiences: ['elderly'],
  },
  {
    title: '信用卡分期的真实成本怎么看？',
    summary: '看年化利率，不只看“每期手续费”。',
    body: p(
      '分期业务的“每期手续费率”看起来很低，但折算成年化利率往往并不低。监管要求银行明示分期业务的年化利率，方便您比较。',
      '<table><thead><tr><th>要看什么</th><th>为什么</th></tr></thead><tbody><tr><td>年化利率</td><td>反映真实融资成本</td></tr><tr><td>提前还款规则</td><td>手续费是否退还</td></tr><tr><td>最低还款</td><td>未还部分要计息</td></tr></tbody></table>',
    ),
    tags: ['topic.cards', 'topic.loans', 'right.know', 'right.fair'],
    audiences: ['youth', 'new_urban', 'women'],
  },
  {
    title: '个人信息保护：这些“小动作”最危险',
    summary: '晒卡、随手扫码、验证码外泄——保护信息就是保护钱袋子。',
    body: p(
      '在社交平台晒出登机牌、车票、银行卡照片，随手扫描来源不明的二维码，把验证码告诉“快递员”“客服”，都可能让个人信息落入骗子手中。',
      '<ul><li>复印身份证时注明用途；</li><li>废弃单据撕碎后再丢弃；</li><li>只在官方渠道填写个人信息。</li></ul>',
    ),
    tags: ['right.info', 'fraud.customer_service'],
    audiences: ['youth', 'women', 'elderly'],
  },
];

export type SeedVideo = SeedArticle & { durationSec: number; keyPoints: { atSec: number; label: string }[]; subtitles: string };

export const SEED_VIDEOS: SeedVideo[] = [
  {
    title: '消保小剧场：一通“理赔”电话',
    summary: '情景短剧：张阿姨接到“快递客服”电话，女儿及时识破骗局。',
    body: p('张阿姨接到“快递客服”电话，说包裹丢失要三倍理赔……看看女儿是怎么识破骗局的。'),
    tags: ['fraud.customer_service', 'topic.elderly'],
    audiences: ['elderly'],
    durationSec: 180,
    keyPoints: [
      { atSec: 20, label: '骗子说出订单信息' },
      { atSec: 75, label: '要求屏幕共享' },
      { atSec: 140, label: '女儿提醒：挂断核实' },
    ],
    subtitles: 'WEBVTT\n\n00:00.000 --> 00:05.000\n您好，我是快递客服。\n\n01:15.000 --> 01:20.000\n请打开屏幕共享，我帮您操作理赔。',
  },
  {
    title: '消保小剧场：兼职刷单的“第三单”',
    summary: '情景短剧：大学生小李做刷单兼职，第三单就被要求垫付五千元。',
    body: p('小李做刷单兼职，前两单都返了佣金，第三单却要垫付五千元……'),
    tags: ['fraud.rebate'],
    audiences: ['youth', 'gig_workers'],
    durationSec: 150,
    keyPoints: [
      { atSec: 30, label: '小额返利是诱饵' },
      { atSec: 95, label: '“联单任务”要求垫资' },
    ],
    subtitles: 'WEBVTT\n\n00:00.000 --> 00:04.000\n在家动动手指，一天赚三百！',
  },
  {
    title: '消保小剧场：银行卡借不得',
    summary: '情景短剧：老乡借卡“走账”，王师傅的账户被冻结。',
    body: p('老乡说借卡“走个账”给两百元好处费，结果王师傅的账户被冻结了……'),
    tags: ['aml.no_rental', 'topic.cards'],
    audiences: ['new_urban', 'rural', 'gig_workers'],
    durationSec: 165,
    keyPoints: [
      { atSec: 25, label: '“走账”的诱惑' },
      { atSec: 110, label: '账户被冻结的后果' },
    ],
    subtitles: 'WEBVTT\n\n00:00.000 --> 00:05.000\n借你的卡走个账，给你两百块。',
  },
];

/** The one seeded course series: chapters of lessons that point at the seeded videos and articles by title. */
export const SEED_COURSE = {
  title: '守护钱袋子：防范电信网络诈骗系列课',
  summary: '三章七课，随时学、随时停，下次从上次的位置继续；重点片段一键回看。',
  chapters: [
    { title: '第一章 认识我们的权利', lessons: ['金融消费者的八项权利，您都知道吗？', '个人信息保护：这些“小动作”最危险'] },
    { title: '第二章 常见诈骗套路', lessons: ['消保小剧场：一通“理赔”电话', '消保小剧场：兼职刷单的“第三单”', '“公检法”来电要您转账到安全账户？这是诈骗'] },
    { title: '第三章 守好账户和养老钱', lessons: ['消保小剧场：银行卡借不得', '守好“养老钱”：五类养老诈骗要警惕'] },
  ],
};
