// The compare part of the page's English messages (merged into en.ts); ko has the same ids (compare.ko.ts).
export const compareEn = {
} as const;
