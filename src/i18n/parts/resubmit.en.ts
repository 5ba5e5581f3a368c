// The resubmit part of the page's English messages (merged into en.ts); ko has the same ids (resubmit.ko.ts).
export const resubmitEn = {
  'resubmit.heading': 'Submit again',
} as const;
