import type { transferEn } from './transfer.en';

export const transferKo: Record<keyof typeof transferEn, string> = {
};
