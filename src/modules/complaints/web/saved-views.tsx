import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useRequest } from '../../../web/ui/use-request.ts';
import type { TSavedView } from '../contract.ts';
import { complaintApi } from './api.ts';
import { useText } from './messages.ts';

type Props = { filters: Record<string, string>; onApply: (filters: Record<string, string>) => void };

/** Saved search views: pick one to apply its filters, save the current ones (optionally shared), delete own. */
export const SavedViews = ({ filters, onApply }: Props) => {
  const t = useText();
  const { message } = App.useApp();
  const { data, reload } = useRequest(() => complaintApi.views(), []);
  const [selected, setSelected] = useState<string>();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const views = data ?? [];
  const current = views.find((v) => v.id === selected);

  const apply = (id?: string) => {
    setSelected(id);
    const v = views.find((x) => x.id === id);
    if (v) onApply(Object.fromEntries(Object.entries(v.filters).map(([k, x]) => [k, String(x)])));
  };
  const save = async () => {
    try {
      const v: TSavedView = await complaintApi.saveView({ name, shared, filters });
      setOpen(false);
      setSelected(v.id);
      reload();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const remove = async (v: TSavedView) => {
    await complaintApi.deleteView(v.id);
    setSelected(undefined);
    reload();
  };

  return (
    <Space.Compact>
      <Select
        allowClear
        placeholder={t('views.placeholder')}
        value={selected}
        onChange={apply}
        style={{ width: 200 }}
        options={views.map((v) => ({ value: v.id, label: v.isMine ? v.name : `${v.name}（${t('views.by', { owner: v.ownerName })}）` }))}
        data-testid="wb-views"
      />
      <Button icon={<SaveOutlined />} onClick={() => setOpen(true)} title={t('views.save')} aria-label={t('views.save')} data-testid="wb-view-save" />
      {current?.isMine ? (
        <Button
          icon={<DeleteOutlined />}
          onClick={() => void remove(current)}
          title={t('views.delete')}
          aria-label={t('views.delete')}
          data-testid="wb-view-delete"
        />
      ) : null}
      <Modal
        open={open}
        title={t('views.save')}
        onOk={() => void save()}
        okButtonProps={{ disabled: !name.trim() }}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input value={name} maxLength={40} placeholder={t('views.name')} onChange={(e) => setName(e.target.value)} data-testid="wb-view-name" />
          <Checkbox checked={shared} onChange={(e) => setShared(e.target.checked)}>
            {t('views.shared')}
          </Checkbox>
        </Space>
      </Modal>
    </Space.Compact>
  );
};
