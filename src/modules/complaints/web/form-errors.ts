import type { FormInstance } from 'antd';
import { isApiError } from '../../../web/api-client.ts';

type FieldError = { name: string[]; errors: string[] };

/** Server field paths (`body.party.agentDocument`) as antd form name paths. */
export const fieldErrors = (err: unknown): FieldError[] =>
  isApiError(err)
    ? err.details.flatMap((d) => (d.field?.startsWith('body.') ? [{ name: d.field.slice(5).split('.'), errors: [d.message ?? d.issue] }] : []))
    : [];

/**
 * Shows a validation failure next to the inputs it names (paths the form does not have are ignored by
 * antd). `texts` replaces the server's wording for known fields (its zod messages are English).
 */
export const showFieldErrors = <T>(form: FormInstance<T>, err: unknown, texts: Record<string, string> = {}): void => {
  const fields = fieldErrors(err).map((f) => ({ ...f, errors: texts[f.name.join('.')] ? [texts[f.name.join('.')] as string] : f.errors }));
  // The server's paths are strings; antd types names by the form's value shape, which a runtime path cannot prove.
  form.setFields(fields as Parameters<FormInstance<T>['setFields']>[0]);
};
