// The perf part of the page's English messages (merged into en.ts); ko has the same ids (perf.ko.ts).
export const perfEn = {
} as const;
