import type { resubmitEn } from './resubmit.en';

export const resubmitKo: Record<keyof typeof resubmitEn, string> = {
  'resubmit.heading': '다시 제출',
};
