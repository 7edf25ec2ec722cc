/**
 * The small error vocabulary shared by every module. Expected failures carry a stable
 * machine code, an HTTP status and a message in both UI languages; anything else is an
 * unexpected error, logged with the request id and shown generically.
 */
export type Bilingual = { zh: string; en: string };

export const ERROR_CATALOG = {
  VALIDATION_FAILED: { status: 400, zh: '输入不符合要求', en: 'The input is invalid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是合法的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  AUTH_REQUIRED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  AUTH_INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  AUTH_LOCKED: { status: 423, zh: '登录失败次数过多，账户已临时锁定，请稍后再试', en: 'Too many failed sign-ins; the account is temporarily locked' },
  AUTH_TOTP_REQUIRED: { status: 401, zh: '请输入动态验证码', en: 'A one-time code is required' },
  AUTH_TOTP_INVALID: { status: 401, zh: '动态验证码错误', en: 'The one-time code is wrong' },
  AUTH_PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '首次登录请先修改密码', en: 'Change your password before continuing' },
  AUTH_PASSWORD_WEAK: { status: 400, zh: '新密码不符合强度要求', en: 'The new password is too weak' },
  AUTH_PASSWORD_REUSED: { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  AUTH_DISABLED: { status: 403, zh: '账户已停用', en: 'The account is disabled' },
  CSRF_INVALID: { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and retry' },
  FORBIDDEN: { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  OUT_OF_SCOPE: { status: 404, zh: '记录不存在或不在您的管辖范围内', en: 'Not found or outside your organisation' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such API route' },
  CONFLICT: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  OPINION_ACTION_NOT_ALLOWED: { status: 409, zh: '舆情事件当前状态不允许此操作', en: 'This action is not allowed in the incident’s current state' },
  OPINION_ALERT_HANDLED: { status: 409, zh: '该预警已被处理', en: 'This alert has already been handled' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; slow down' },
  EDU_INVALID_STATE: { status: 409, zh: '当前状态下不能执行此操作', en: 'Not possible in the current state' },
  EDU_SELF_REVIEW: { status: 403, zh: '消保审查须由作者以外的人员完成', en: 'A reviewer other than the author must review this' },
  EDU_STALE_VERSION: { status: 409, zh: '内容已被他人修改，请刷新后再编辑', en: 'Someone else changed this; reload and edit again' },
  EDU_IMPORT_INVALID: { status: 422, zh: '导入文件有错误行，未导入任何题目', en: 'The import has invalid rows; nothing was imported' },
  EDU_QUIZ_CLOSED: { status: 409, zh: '答题活动未开放', en: 'The quiz is not open' },
  EDU_ATTEMPTS_EXHAUSTED: { status: 409, zh: '答题次数已用完', en: 'No attempts left' },
  EDU_TIME_UP: { status: 409, zh: '答题时间已到，超时提交的答案不计分', en: 'Time is up; answers sent after the limit do not count' },
  EDU_ALREADY_SUBMITTED: { status: 409, zh: '本次答题已提交，请勿重复提交', en: 'This attempt was already submitted' },
  EDU_NOT_ELIGIBLE: { status: 409, zh: '不符合抽奖条件', en: 'Not eligible for this draw' },
  EDU_ALREADY_ENTERED: { status: 409, zh: '已参加过本次抽奖', en: 'Already entered this draw' },
  CAMPAIGN_INVALID_STATE: { status: 409, zh: '活动当前状态不允许此操作', en: 'Not possible in the event’s current state' },
  CAMPAIGN_PERIOD_INVALID: {
    status: 400,
    zh: '时间设置有误：结束不能早于开始，活动须在宣传周期内',
    en: 'Invalid dates: the end is before the start or the event is outside the campaign period',
  },
  CAMPAIGN_REGISTRATION_CLOSED: { status: 409, zh: '该活动未开放报名或报名已截止', en: 'Registration for this event is not open or has closed' },
  CAMPAIGN_EVENT_FULL: { status: 409, zh: '名额已满', en: 'The event is full' },
  CAMPAIGN_ALREADY_REGISTERED: { status: 409, zh: '该手机号已报名本场活动', en: 'This phone number is already registered for this event' },
  CAMPAIGN_CODE_UNKNOWN: { status: 404, zh: '签到码无效，未找到对应报名', en: 'Unknown check-in code' },
  CAMPAIGN_CODE_USED: { status: 409, zh: '该签到码已签到，请勿重复签到', en: 'This check-in code has already been used' },
  CAMPAIGN_CODE_WRONG_EVENT: { status: 409, zh: '该签到码属于其他场次活动', en: 'This check-in code belongs to another event' },
  CAMPAIGN_PHOTO_INVALID: { status: 415, zh: '仅支持 JPEG、PNG、WebP 图片，单张不超过 5 MB', en: 'Only JPEG, PNG or WebP images up to 5 MB are accepted' },
  OUTREACH_IMPORT_INVALID: { status: 422, zh: '导入文件无法读取或缺少必需的列', en: 'The import file cannot be read or lacks required columns' },
  OUTREACH_DUPLICATE_CUSTOMER: { status: 409, zh: '已存在相同手机号的客户', en: 'A customer with this mobile number already exists' },
  OUTREACH_RULE_INVALID: { status: 400, zh: '分群规则无效', en: 'The segment rule is invalid' },
  OUTREACH_SEGMENT_EMPTY: { status: 409, zh: '该分群规则没有匹配任何客户', en: 'The segment rule matches no customer' },
  OUTREACH_NO_CONSENT: {
    status: 409,
    zh: '所选渠道下没有已授权接收的客户，未发送任何消息',
    en: 'No customer has consented to the chosen channels; nothing was sent',
  },
  OUTREACH_INVALID_STATE: { status: 409, zh: '当前状态下不能执行此操作', en: 'Not possible in the current state' },
  OUTREACH_SELF_REVIEW: { status: 403, zh: '消保审查须由作者以外的人员完成', en: 'A reviewer other than the author must review this' },
  OUTREACH_CHANNEL_NOT_CONFIGURED: { status: 409, zh: '推送渠道未配置', en: 'The channel is not configured' },
  OUTREACH_TOKEN_INVALID: { status: 400, zh: '链接无效或已被篡改', en: 'The link is invalid or was tampered with' },
  OUTREACH_CONTENT_NOT_FOUND: { status: 404, zh: '要推送的内容不存在或未发布', en: 'The content to push does not exist or is not published' },
  EDU_CODE_INVALID: { status: 404, zh: '兑奖码无效', en: 'Unknown redemption code' },
  EDU_CODE_USED: { status: 409, zh: '该兑奖码已兑换，不能重复兑换', en: 'This code was already redeemed' },
  EDU_PRIZE_OUT_OF_STOCK: { status: 409, zh: '该奖品库存不足', en: 'This prize is out of stock' },
  EDU_RANGE_NOT_SATISFIABLE: { status: 416, zh: '请求的字节范围无效', en: 'The requested byte range cannot be served' },
  INTERNAL: { status: 500, zh: '系统内部错误，请联系管理员并提供请求编号', en: 'Internal error; contact an administrator with the request id' },
} as const satisfies Record<string, Bilingual & { status: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export type ErrorDetail = { field?: string; issue: string; message?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly messages: Bilingual;

  constructor(code: ErrorCode, details?: ErrorDetail[], override?: Partial<Bilingual>) {
    const entry = ERROR_CATALOG[code];
    super(override?.en ?? entry.en);
    this.name = 'AppError';
    this.code = code;
    this.status = entry.status;
    this.details = details;
    this.messages = { zh: override?.zh ?? entry.zh, en: override?.en ?? entry.en };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
