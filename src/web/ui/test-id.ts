/** `data-testid` for props objects (e.g. antd's okButtonProps), where JSX attribute syntax is unavailable. */
export const testId = (id: string): Record<'data-testid', string> => ({ 'data-testid': id });
