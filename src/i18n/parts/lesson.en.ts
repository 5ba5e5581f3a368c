// The lesson part of the page's English messages (merged into en.ts); ko has the same ids (lesson.ko.ts).
export const lessonEn = {
} as const;
