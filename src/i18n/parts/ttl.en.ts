// The ttl part of the page's English messages (merged into en.ts); ko has the same ids (ttl.ko.ts).
export const ttlEn = {
  'ttl.heading': 'State TTL',
} as const;
