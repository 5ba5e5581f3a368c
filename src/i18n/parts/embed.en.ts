// The embed part of the page's English messages (merged into en.ts); ko has the same ids (embed.ko.ts).
export const embedEn = {
} as const;
