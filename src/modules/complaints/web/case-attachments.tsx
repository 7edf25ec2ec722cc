import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { ErrorAlert } from '../../../web/ui/error-alert.tsx';
import { formatDateTime } from '../../../web/ui/format.ts';
import type { TComplaintDetail } from '../contract.ts';
import { complaintApi } from './api.ts';

const sizeOf = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/**
 * 证据材料: evidence files on the case (downloads are audited server-side). The server decides the
 * type from the bytes, so the picker's `accept` is only a hint for the person choosing a file.
 */
export const CaseAttachments = ({ detail, onChanged }: { detail: TComplaintDetail; onChanged: (d: TComplaintDetail) => void }) => {
  const { pick, locale } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const open = !['closed', 'withdrawn', 'merged'].includes(detail.status);

  const upload = async (file: File) => {
    setError(null);
    setBusy(true);
    try {
      await complaintApi.attach(detail.id, file);
      onChanged(await complaintApi.get(detail.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
    return false;
  };

  return (
    <Card
      title={pick({ zh: '证据材料', en: 'Evidence' })}
      data-testid="case-attachments"
      extra={
        open ? (
          <Upload accept=".pdf,.jpg,.jpeg,.png,.mp3,.mp4,.docx" showUploadList={false} beforeUpload={upload}>
            <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="case-attach">
              {pick({ zh: '上传', en: 'Upload' })}
            </Button>
          </Upload>
        ) : null
      }
    >
      <Flex vertical gap={8}>
        {error ? <ErrorAlert error={error} /> : null}
        {detail.attachments.length ? (
          <List
            size="small"
            dataSource={detail.attachments}
            renderItem={(a) => (
              <List.Item key={a.id} data-testid="case-attachment">
                <Flex gap={8} align="center" wrap>
                  <PaperClipOutlined />
                  <a href={`/api/v1/complaints/${detail.id}/attachments/${a.id}`}>{a.name}</a>
                  <Typography.Text type="secondary">
                    {sizeOf(a.size)} · {formatDateTime(a.createdAt, locale)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={pick({
              zh: '暂无证据材料（支持 PDF、图片、录音、视频、Word，≤ 10 MB）',
              en: 'No evidence yet (PDF, images, audio, video, Word; ≤ 10 MB)',
            })}
          />
        )}
      </Flex>
    </Card>
  );
};
