import { Alert, Button } from 'antd';
import { isApiError } from '../api-client.ts';
import { useI18n } from '../i18n.ts';
import { errorDetails, errorText } from './errors.ts';

type Props = { error: unknown; testId?: string; onRetry?: () => void };

/** A localized error banner with validation details and the request id support staff need. */
export const ErrorAlert = ({ error, testId, onRetry }: Props) => {
  const i18n = useI18n();
  if (!error) return null;
  const details = errorDetails(error, i18n);
  const requestId = isApiError(error) ? error.requestId : undefined;
  const description =
    details.length || requestId ? (
      <>
        {details.map((d) => (
          <div key={d}>{d}</div>
        ))}
        {requestId ? <div style={{ opacity: 0.65, fontSize: 12 }}>{i18n.t('error.requestId', { id: requestId })}</div> : null}
      </>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorText(error, i18n)}
      description={description}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {i18n.t('app.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
};
