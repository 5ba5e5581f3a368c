import type { txnEn } from './txn.en';

export const txnKo: Record<keyof typeof txnEn, string> = {
  'txn.heading': '트랜잭션 시간 초과',
};
