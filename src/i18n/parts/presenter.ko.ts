import type { presenterEn } from './presenter.en';

export const presenterKo: Record<keyof typeof presenterEn, string> = {
};
