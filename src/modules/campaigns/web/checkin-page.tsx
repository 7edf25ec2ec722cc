import { Alert, Button, Result, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { Page } from '../../../web/ui/page.tsx';
import { useRequest } from '../../../web/ui/use-request.ts';
import type { TCheckInResult } from '../contract.ts';
import { staffCampaigns } from './api.ts';

/** One check-in per code per page load, however often React mounts the page (lazy loading, guards). */
const submitted = new Map<string, Promise<TCheckInResult>>();
const checkInOnce = (code: string): Promise<TCheckInResult> => {
  let p = submitted.get(code);
  if (!p) {
    p = staffCampaigns.checkIn(code);
    submitted.set(code, p);
  }
  return p;
};

/**
 * What a phone camera opens when door staff scan the QR code: signed-in staff are checked in straight
 * away (the server refuses a used or unknown code, or an event outside their outlet).
 */
export const CheckInPage = () => {
  const { code = '' } = useParams();
  const { pick } = useI18n();
  const res = useRequest(() => checkInOnce(code), [code]);
  return (
    <Page title={pick({ zh: '扫码签到', en: 'QR check-in' })} testId="campaign-checkin-page">
      {res.loading ? <Spin /> : null}
      {res.error ? <ErrorAlert error={res.error} testId="checkin-error" /> : null}
      {res.data ? (
        <div data-testid="checkin-result">
          <Result
            status="success"
            title={`${res.data.name} ${res.data.phoneMasked} ${pick({ zh: '签到成功', en: 'checked in' })}`}
            subTitle={res.data.eventTitle}
            extra={
              <Link to={`/campaigns/events/${res.data.eventId}`}>
                <Button type="primary">{pick({ zh: '返回场次', en: 'Back to the event' })}</Button>
              </Link>
            }
          />
        </div>
      ) : null}
      {!res.loading && !res.data ? (
        <Alert type="info" title={pick({ zh: '请在活动场次页输入签到码或登记现场参与者', en: 'Use the event page to type a code or register a walk-in' })} />
      ) : null}
    </Page>
  );
};
