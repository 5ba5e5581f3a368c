// The transfer part of the page's English messages (merged into en.ts); ko has the same ids (transfer.ko.ts).
export const transferEn = {
} as const;
