import { z } from 'zod';

/** JSON Lines contracts of `xiaobao nlp …` (one object per line in, one per line out). */
const ZId = z.union([z.string(), z.number()]).nullable().optional();

export const ZTextLine = z.object({ id: ZId, text: z.string() }).passthrough();
export const ZNegativeLine = ZTextLine.extend({ entities: z.array(z.string()).optional().default([]), title: z.string().optional() });
export const ZLabelledLine = ZTextLine.extend({ label: z.union([z.string(), z.number()]) });

export const ZSentimentOut = z.object({
  id: ZId,
  label: z.enum(['positive', 'negative', 'neutral']),
  score: z.number(),
  probs: z.object({ positive: z.number(), negative: z.number(), neutral: z.number() }),
});
export const ZNegativeOut = z.object({ id: ZId, negative: z.boolean(), score: z.number(), negativeEntities: z.array(z.string()) });
export const ZClassifyOut = z.object({ id: ZId, businessCategory: z.string(), cause: z.string(), confidence: z.number(), needsHuman: z.boolean() });
export const ZFraudOut = z.object({ id: ZId, fraudType: z.string().nullable(), score: z.number() });
export const ZErrorOut = z.object({ id: ZId, error: z.object({ code: z.enum(['INVALID_JSON', 'INVALID_LINE']), message: z.string() }) });

export type TSentimentOut = z.infer<typeof ZSentimentOut>;
export type TNegativeOut = z.infer<typeof ZNegativeOut>;
export type TClassifyOut = z.infer<typeof ZClassifyOut>;
export type TFraudOut = z.infer<typeof ZFraudOut>;
export type TErrorOut = z.infer<typeof ZErrorOut>;

export const NLP_TASKS = ['sentiment', 'negative', 'classify', 'fraud'] as const;
export type NlpTask = (typeof NLP_TASKS)[number];
