import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../i18n.ts';

const BackHome = () => {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate('/')}>
      {t('common.backHome')}
    </Button>
  );
};

export const ForbiddenPage = () => {
  const { t } = useI18n();
  return <Result status="403" title={t('forbidden.title')} subTitle={t('forbidden.subtitle')} extra={<BackHome />} data-testid="page-403" />;
};

export const NotFoundPage = () => {
  const { t } = useI18n();
  return <Result status="404" title={t('notFound.title')} subTitle={t('notFound.subtitle')} extra={<BackHome />} data-testid="page-404" />;
};
