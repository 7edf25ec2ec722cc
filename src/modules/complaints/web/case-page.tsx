import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { CHANNEL_LABELS, type TComplaintDetail } from '../contract.ts';
import { complaintApi } from './api.ts';
import { CaseActions } from './case-actions.tsx';
import { CaseAttachments } from './case-attachments.tsx';
import { CaseClock } from './case-clock.tsx';
import { CaseIncidents } from './case-incidents.tsx';
import { CaseTimeline } from './case-timeline.tsx';
import { labelOf, METHOD_LABELS, NOTICE_KIND_LABELS, PARTY_ROLE_LABELS, REMEDY_LABELS } from './labels.ts';
import { useText } from './messages.ts';
import { FlagTags, StatusTag } from './tags.tsx';
import { useCodes } from './use-codes.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const pre = { whiteSpace: 'pre-wrap' as const, margin: 0 };

const Decision = ({ decision }: { decision: Record<string, unknown> }) => {
  const { pick } = useI18n();
  const t = useText();
  const remedies = Array.isArray(decision.remedies) ? decision.remedies.map((r) => labelOf(REMEDY_LABELS, String(r), pick)) : [];
  return (
    <Descriptions column={1} bordered size="small" data-testid="case-decision">
      <Descriptions.Item label={t('case.verifiedFacts')}>
        <p style={pre}>{str(decision.verifiedFacts)}</p>
      </Descriptions.Item>
      <Descriptions.Item label={t('case.basis')}>
        <p style={pre}>{str(decision.basis)}</p>
      </Descriptions.Item>
      <Descriptions.Item label={t('case.outcome')}>
        <p style={pre}>{str(decision.outcome)}</p>
      </Descriptions.Item>
      <Descriptions.Item label={t('case.remedies')}>
        {remedies.map((r) => (
          <Tag key={r}>{r}</Tag>
        ))}
      </Descriptions.Item>
      {decision.reviewed === true ? <Descriptions.Item label={t('case.reviewed')}>{str(decision.reviewComment) || '✓'}</Descriptions.Item> : null}
      {decision.reviewed === false && decision.reviewComment ? (
        <Descriptions.Item label={t('case.reviewComment')}>{str(decision.reviewComment)}</Descriptions.Item>
      ) : null}
    </Descriptions>
  );
};

const Notices = ({ notices }: { notices: TComplaintDetail['notices'] }) => {
  const { pick, locale } = useI18n();
  const t = useText();
  if (!notices.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('case.noNotices')} />;
  return (
    <Flex vertical gap={12} data-testid="case-notices">
      {notices.map((n) => (
        <Flex key={n.id} vertical gap={2} data-testid="case-notice" style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}>
          <Space wrap>
            <Typography.Text strong>{labelOf(NOTICE_KIND_LABELS, n.kind, pick)}</Typography.Text>
            <Tag>{labelOf(METHOD_LABELS, n.method, pick)}</Tag>
            <Tag color={n.inTime ? 'green' : 'red'}>{n.inTime ? t('case.inTime') : t('case.late')}</Tag>
            <Typography.Text type="secondary">{formatDateTime(n.sentAt, locale)}</Typography.Text>
          </Space>
          <Typography.Text>{n.evidence}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
};

/** 案件: header, the clock, facts and parties (masked), decision, notices, timeline, and the allowed actions. */
export const CasePage = () => {
  const { id = '' } = useParams();
  const { pick } = useI18n();
  const t = useText();
  const codes = useCodes();
  const request = useRequest(() => complaintApi.get(id), [id]);
  // Actions answer with the refreshed case; show that instead of reloading.
  const [detail, setDetail] = useState<TComplaintDetail | undefined>();
  useEffect(() => setDetail(request.data), [request.data]);

  if (request.error) return <ErrorAlert error={request.error} onRetry={request.reload} />;
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} />;
  const d = detail;
  const party = d.party as { role?: 'self' | 'agent' | 'heir'; agentName?: string; agentDocument?: string };

  return (
    <div data-testid="case-page">
      <Link to="/complaints">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('case.back')}
        </Button>
      </Link>
      <Flex align="center" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }} copyable={{ text: d.trackingCode }} data-testid="case-code">
          {d.trackingCode}
        </Typography.Title>
        <StatusTag status={d.status} testId="case-status" />
        <FlagTags flags={d.flags} testId="case-flags" />
      </Flex>
      <Typography.Paragraph style={{ fontSize: 16 }} data-testid="case-title">
        {d.title}
      </Typography.Paragraph>
      {d.pendingHandover ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('case.pendingHandover', { to: d.pendingHandover.toName, reason: d.pendingHandover.reason })}
          data-testid="case-pending-handover"
        />
      ) : null}
      {d.pendingExtension ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('case.pendingExtension', { days: d.pendingExtension.limitDays, reason: d.pendingExtension.reason })}
          data-testid="case-pending-extension"
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <CaseActions detail={d} onChanged={setDetail} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title={t('case.details')}>
              <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="case-details">
                <Descriptions.Item label={t('case.party')}>{d.complainantNameMasked}</Descriptions.Item>
                <Descriptions.Item label={t('case.phone')}>{d.phoneMasked}</Descriptions.Item>
                <Descriptions.Item label={t('case.idNumber')}>{d.idNumberMasked ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('case.role')}>{labelOf(PARTY_ROLE_LABELS, party.role ?? 'self', pick)}</Descriptions.Item>
                {party.agentName ? <Descriptions.Item label={t('case.agent')}>{party.agentName}</Descriptions.Item> : null}
                {party.agentDocument ? <Descriptions.Item label={t('case.agentDocument')}>{party.agentDocument}</Descriptions.Item> : null}
                {d.groupSize ? <Descriptions.Item label={t('case.groupSize')}>{d.groupSize}</Descriptions.Item> : null}
                <Descriptions.Item label={t('case.channel')}>{pick(CHANNEL_LABELS[d.channel])}</Descriptions.Item>
                {d.regulatorTicket ? <Descriptions.Item label={t('case.ticket')}>{d.regulatorTicket}</Descriptions.Item> : null}
                <Descriptions.Item label={t('case.org')}>{d.orgName}</Descriptions.Item>
                <Descriptions.Item label={t('case.receivingOrg')}>{d.receivingOrgName}</Descriptions.Item>
                <Descriptions.Item label={t('case.firstResponder')}>{d.firstResponderName}</Descriptions.Item>
                <Descriptions.Item label={t('case.owner')}>
                  <span data-testid="case-owner">{d.ownerName ?? t('common.unassigned')}</span>
                </Descriptions.Item>
                <Descriptions.Item label={t('case.codes')}>
                  {[codes.describe(d.businessCategory), codes.describe(d.cause)].filter(Boolean).join(' / ') || '—'}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Title level={5}>{t('case.facts')}</Typography.Title>
              <Typography.Paragraph style={pre} data-testid="case-facts">
                {d.facts}
              </Typography.Paragraph>
              <Typography.Title level={5}>{t('case.request')}</Typography.Title>
              <Typography.Paragraph style={pre}>{d.request}</Typography.Paragraph>
            </Card>
            {d.decision ? (
              <Card
                title={t('case.decision')}
                extra={
                  <a href={`/api/v1/complaints/${d.id}/decision-notice`} target="_blank" rel="noreferrer" data-testid="case-print-notice">
                    {t('case.printNotice')}
                  </a>
                }
              >
                <Decision decision={d.decision} />
              </Card>
            ) : null}
            {d.rootCause || d.rectification ? (
              <Card title={t('case.closing')} data-testid="case-closing">
                <Descriptions column={1} size="small" bordered>
                  <Descriptions.Item label={t('case.rootCause')}>{d.rootCause}</Descriptions.Item>
                  <Descriptions.Item label={t('case.rectification')}>{d.rectification}</Descriptions.Item>
                </Descriptions>
              </Card>
            ) : null}
            <Card title={t('case.notices')}>
              <Notices notices={d.notices} />
            </Card>
            <CaseAttachments detail={d} onChanged={setDetail} />
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <CaseClock detail={d} />
            <CaseIncidents complaintId={d.id} />
            <Card title={t('case.timeline')}>
              <CaseTimeline timeline={[...d.timeline].reverse()} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </div>
  );
};
