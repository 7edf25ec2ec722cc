/** Demo risk alerts (original text, fictional bank), per fraud type of regulation.md §5. */
export const SEED_ALERTS: {
  fraudType: string;
  title: string;
  whatHappens: string;
  howToProtect: string;
  keywords: string[];
  status: 'published' | 'in_review' | 'draft';
  citedNote?: string;
}[] = [
  {
    fraudType: '电信诈骗',
    title: '警惕"冒充客服退款"电信诈骗',
    whatHappens:
      '骗子冒充电商或快递客服，称您的包裹丢失或商品质量有问题，要"双倍赔付"，引导您下载屏幕共享类软件、开通"备用金"或提供短信验证码，随后转走卡内资金。',
    howToProtect:
      '1. 官方客服不会要求您共享屏幕或下载陌生软件；2. 任何人索要短信验证码都是诈骗；3. 退款只会原路退回，不需要您操作转账；4. 挂断电话后，通过官方 App 或官方电话核实。',
    keywords: ['客服', '退款', '验证码'],
    status: 'published',
    citedNote: '近两周投诉中"冒充客服"相关来电增多',
  },
  {
    fraudType: '养老诈骗',
    title: '养老服务、"以房养老"高息陷阱',
    whatHappens: '不法分子以"养老公寓床位预售""以房养老""养老项目投资"为名，承诺高额回报、赠送礼品，诱导老年人签订合同或抵押房产，最终卷款跑路。',
    howToProtect:
      '1. 高息承诺往往是陷阱，正规理财不保本保息；2. 涉及房产抵押、大额转账前，务必与子女商量；3. 到银行柜台办理大额转账时，工作人员会提醒核实，请如实说明用途；4. 不参加来路不明的"健康讲座""免费旅游"。',
    keywords: ['养老', '以房养老', '高息'],
    status: 'published',
  },
  {
    fraudType: '非法集资',
    title: '远离非法集资：承诺"保本高收益"即是风险信号',
    whatHappens: '一些机构以"私募股权""区块链""消费返利"等名义，向社会公众吸收资金，承诺保本、高收益、按月返息，前期兑付后资金链断裂。',
    howToProtect:
      '1. 查验对方是否有金融监管部门批准的业务资质；2. 牢记"高收益必然伴随高风险"；3. 不因亲友推荐、熟人介绍而放松警惕；4. 发现线索及时向当地处置非法集资部门举报。',
    keywords: ['集资', '保本', '返利'],
    status: 'published',
  },
  {
    fraudType: '虚假征信',
    title: '"征信修复""注销校园贷"都是骗局',
    whatHappens: '骗子自称金融平台工作人员，称您的"校园贷账户"未注销会影响征信，要求您把各平台贷款转入"安全账户"。',
    howToProtect: '1. 个人征信不能通过付费"修复"；2. 征信查询请到人民银行征信中心官方渠道；3. 任何要求转账到"安全账户"的都是诈骗。',
    keywords: ['征信', '注销', '安全账户'],
    status: 'in_review',
  },
];
