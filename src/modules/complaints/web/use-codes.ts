import { useMemo } from 'react';
import { useI18n } from '../../../web/i18n.ts';
import { useRequest } from '../../../web/ui/use-request.ts';
import { complaintApi, type TCode } from './api.ts';

type Option = { value: string; label: string };
const toOption = (c: TCode, name: string): Option => ({ value: c.code, label: `${c.code} ${name}` });

/** The JR/T 0169 codebook (business categories and causes) as select options and a code → name lookup. */
export const useCodes = () => {
  const { pick } = useI18n();
  const { data } = useRequest(() => complaintApi.codes(), []);
  return useMemo(() => {
    const codes = data ?? [];
    const nameOf = (c: TCode) => pick({ zh: c.nameZh, en: c.nameEn });
    const names = new Map(codes.map((c) => [c.code, nameOf(c)]));
    return {
      business: codes.filter((c) => c.dimension === 'business').map((c) => toOption(c, c.parent ? `· ${nameOf(c)}` : nameOf(c))),
      causes: codes.filter((c) => c.dimension === 'cause').map((c) => toOption(c, nameOf(c))),
      /** "B0302 信用卡" for a known code, the bare code otherwise. */
      describe: (code: string | null | undefined) => (code ? (names.has(code) ? `${code} ${names.get(code)}` : code) : ''),
      nameOf: (code: string) => names.get(code) ?? code,
    };
  }, [data, pick]);
};
