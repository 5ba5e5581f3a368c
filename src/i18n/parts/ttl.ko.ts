import type { ttlEn } from './ttl.en';

export const ttlKo: Record<keyof typeof ttlEn, string> = {
  'ttl.heading': '상태 TTL',
};
