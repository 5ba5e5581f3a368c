import type { perfEn } from './perf.en';

export const perfKo: Record<keyof typeof perfEn, string> = {
};
