import type { embedEn } from './embed.en';

export const embedKo: Record<keyof typeof embedEn, string> = {
};
