import type { txnEn } from './txn.en';

export const txnKo: Record<keyof typeof txnEn, string> = {
  'txn.heading': '트랜잭션 시간 초과',
  'txn.abortedByBroker': '브로커가 중단(abort)함 (transaction.timeout.ms)',
  'txn.timeoutNote': '브로커는 첫 레코드부터 transaction.timeout.ms ({timeout})보다 오래 열려 있는 트랜잭션을 중단(abort)합니다. 브로커가 중단한 사전 커밋 트랜잭션은 더 이상 커밋할 수 없어 그 레코드가 유실됩니다.',
  'txn.age': '열린 지 {age} / 제한 {timeout}',
  'txn.ageLabel': 'transaction.timeout.ms 대비 트랜잭션이 열려 있던 시간',
  'txn.abortedAt': '브로커가 {t}에 중단했습니다',
  'txn.empty': '아직 레코드 없음: 브로커에서 시작되지 않았습니다',
};
