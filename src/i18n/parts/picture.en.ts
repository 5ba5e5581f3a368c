// The picture part of the page's English messages (merged into en.ts); ko has the same ids (picture.ko.ts).
export const pictureEn = {
} as const;
