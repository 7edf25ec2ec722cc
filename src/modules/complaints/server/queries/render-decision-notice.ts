import type { Actor } from '../../../../kernel/actor.ts';
import { AppError } from '../../../../kernel/errors.ts';
import type { ModuleDeps } from '../../../../platform/module.ts';
import { orgNames } from '../../../identity/index.ts';
import { loadCase } from '../complaint-store.ts';
import { shanghaiDate } from '../domain/calendar.ts';

const REMEDY_TEXT: Record<string, string> = {
  review: '如对本处理意见有异议，可自收到本告知书之日起30日内向我行上级机构书面申请核查；',
  mediation: '可向金融纠纷调解组织申请调解；',
  arbitration: '可依据双方约定申请仲裁；',
  litigation: '可依法向人民法院提起诉讼。',
};

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/**
 * 投诉处理意见告知书: the printable decision notice with the content 办法 Art 19 requires — the
 * facts verified, the basis and reasons, the outcome, and the remedies (核查 with its 30-day window
 * per Art 20, mediation, arbitration, litigation). Every value is HTML-escaped.
 */
export const renderDecisionNotice = async (deps: ModuleDeps, actor: Actor, id: string): Promise<string> => {
  const c = await loadCase(deps.db, actor, id, false);
  const d = c.decision as { verifiedFacts?: string; basis?: string; outcome?: string; remedies?: string[] } | null;
  if (!d?.outcome) throw new AppError('CONFLICT', [{ issue: 'no_decision_drafted' }]);
  const names = await orgNames(deps.db, [c.org_id]);
  const today = shanghaiDate(deps.clock.now());
  const para = (title: string, body: unknown) => `<h2>${esc(title)}</h2><p>${esc(body).replaceAll('\n', '<br>')}</p>`;
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>投诉处理意见告知书 ${esc(c.tracking_code)}</title>
<style>body{font-family:"Noto Serif CJK SC","Songti SC",serif;max-width:720px;margin:40px auto;line-height:1.9;font-size:16px;color:#111}
h1{text-align:center;font-size:24px;letter-spacing:4px}h2{font-size:17px;margin:18px 0 4px}.meta{color:#444}.sign{text-align:right;margin-top:48px}
@media print{body{margin:0 auto}}</style></head><body>
<h1>投诉处理意见告知书</h1>
<p class="meta">受理编号：${esc(c.tracking_code)}　　受理日期：${esc(shanghaiDate(c.received_at))}</p>
<p>${esc(c.complainant_name)}：</p>
<p>您于 ${esc(shanghaiDate(c.received_at))} 反映的“${esc(c.title)}”一事，我行已依照《银行业保险业消费投诉处理管理办法》进行调查核实，现将处理意见告知如下：</p>
${para('一、核实情况', d.verifiedFacts)}
${para('二、处理依据及理由', d.basis)}
${para('三、处理意见', d.outcome)}
<h2>四、救济途径</h2><p>${(d.remedies ?? []).map((r) => esc(REMEDY_TEXT[r] ?? r)).join('')}</p>
<p class="sign">${esc(names.get(c.org_id) ?? '')}<br>${esc(today)}</p>
</body></html>`;
};
