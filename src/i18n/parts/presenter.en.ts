// The presenter part of the page's English messages (merged into en.ts); ko has the same ids (presenter.ko.ts).
export const presenterEn = {
} as const;
