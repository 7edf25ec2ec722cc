import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string };

/** The standard frame of a content page: a heading row and a card body. */
export const Page = ({ title, extra, children, testId }: Props) => (
  <div data-testid={testId}>
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
    <Card>{children}</Card>
  </div>
);
