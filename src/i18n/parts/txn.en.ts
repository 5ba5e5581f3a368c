// The txn part of the page's English messages (merged into en.ts); ko has the same ids (txn.ko.ts).
export const txnEn = {
  'txn.heading': 'Transaction timeout',
} as const;
