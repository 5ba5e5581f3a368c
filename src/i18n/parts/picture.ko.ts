import type { pictureEn } from './picture.en';

export const pictureKo: Record<keyof typeof pictureEn, string> = {
};
