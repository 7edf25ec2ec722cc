import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { Page } from '../../../web/ui/page.tsx';
import { ChannelsTab } from './settings-channels.tsx';
import { ImportTab } from './settings-import.tsx';
import { useSettingsText } from './settings-messages.ts';
import { RulesTab } from './settings-rules.tsx';
import { SourcesTab } from './settings-sources.tsx';
import { WatchlistsTab } from './settings-watchlists.tsx';

const TABS = ['sources', 'watchlists', 'rules', 'channels', 'import'] as const;
type Tab = (typeof TABS)[number];

/** 舆情配置: sources, watchlists, grading rules, alert channels and file import; the tab is in the URL. */
export const SettingsPage = () => {
  const t = useSettingsText();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'sources';
  const body: Record<Tab, () => React.ReactNode> = {
    sources: () => <SourcesTab />,
    watchlists: () => <WatchlistsTab />,
    rules: () => <RulesTab />,
    channels: () => <ChannelsTab />,
    import: () => <ImportTab />,
  };
  return (
    <Page title={t('title')} testId="opinion-settings">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`settings-tab-${k}`}>{t(`tab.${k}`)}</span>, children: body[k]() }))}
      />
    </Page>
  );
};
