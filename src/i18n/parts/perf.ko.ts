import type { perfEn } from './perf.en';

export const perfKo: Record<keyof typeof perfEn, string> = {
  'perf.loading': '불러오는 중…',
  'perf.historyOlder': '이전 체크포인트 {n}개는 위의 개수에만 들어가고 목록에는 없습니다. Flink 웹 UI처럼 기록은 최근 {max}개만 보관합니다(web.checkpoints.history).',
  'perf.marksGrouped': '{from}부터 {to}까지 표시 {n}개: {first} … {last}',
};
