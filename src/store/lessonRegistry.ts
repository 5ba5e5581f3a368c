import type { AppStoreApi } from './appStore';

// Who plays the lesson of a store, and how its notices are said: a leaf both the page's first
// JavaScript (lessonState.ts) and the player's own chunk (lessonPlayer.ts) import.

/** What the player does; lessonPlayer.ts registers one per store once loaded. */
export interface LessonControls {
  open(id: string, step: number): boolean;
  attach(id: string, step: number, from: number | undefined): boolean;
  openFile(name: string, text: string): boolean;
  next(): void;
  previous(): void;
  resetStep(): void;
  answer(option: string): void;
  showMe(): void;
  toggleHint(): void;
  explore(): void;
}

export const players = new WeakMap<AppStoreApi, LessonControls>();

/** The player's notices in the page's language: the page registers how to say a `lesson.*` message (the store knows no languages). */
export type LessonWords = (id: LessonNoticeId, params: Record<string, string | number>) => string;
export type LessonNoticeId = 'lesson.noLesson' | 'lesson.badStep' | 'lesson.cannotRun' | 'lesson.unreadable';
const words = new WeakMap<AppStoreApi, LessonWords>();

export function registerLessonWords(store: AppStoreApi, say: LessonWords): void {
  words.set(store, say);
}

export function lessonWordsOf(store: AppStoreApi): LessonWords | undefined {
  return words.get(store);
}

export function registerLessonControls(store: AppStoreApi, controls: LessonControls): void {
  players.set(store, controls);
}

