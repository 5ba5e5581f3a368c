import type { compareEn } from './compare.en';

export const compareKo: Record<keyof typeof compareEn, string> = {
};
