import type { jobsEn } from './jobs.en';

export const jobsKo: Record<keyof typeof jobsEn, string> = {
};
