import type { lessonEn } from './lesson.en';

export const lessonKo: Record<keyof typeof lessonEn, string> = {
};
