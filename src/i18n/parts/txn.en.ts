// The txn part of the page's English messages (merged into en.ts); ko has the same ids (txn.ko.ts).
export const txnEn = {
  'txn.heading': 'Transaction timeout',
  'txn.abortedByBroker': 'aborted by broker (transaction.timeout.ms)',
  'txn.timeoutNote': 'The broker aborts a transaction open longer than transaction.timeout.ms ({timeout}), counted from its first record. A pre-committed transaction it aborted can no longer be committed: its records are lost.',
  'txn.age': 'open {age} of {timeout}',
  'txn.ageLabel': 'age of the transaction against transaction.timeout.ms',
  'txn.abortedAt': 'the broker aborted it at {t}',
  'txn.empty': 'no record yet: not started at the broker',
} as const;
