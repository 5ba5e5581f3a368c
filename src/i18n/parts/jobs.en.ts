// The jobs part of the page's English messages (merged into en.ts); ko has the same ids (jobs.ko.ts).
export const jobsEn = {
} as const;
