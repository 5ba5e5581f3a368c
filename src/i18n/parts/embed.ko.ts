import type { embedEn } from './embed.en';

export const embedKo: Record<keyof typeof embedEn, string> = {
  'embed.copy.button': '임베드 코드 복사',
  'embed.copy.title': '이 시나리오나 레슨을 강의 페이지, LMS, 슬라이드 안에 보여 주는 <iframe> 코드',
  'embed.copy.done': '임베드 코드를 클립보드에 복사했습니다. 페이지의 HTML에 붙여 넣으십시오.',
  'embed.copy.manual': '여기서는 클립보드를 쓸 수 없습니다. 아래 코드를 선택해 복사하십시오.',
  'embed.copy.dialog': '임베드 코드',
  'embed.copy.code': '임베드 코드',
  'embed.copy.close': '닫기',
  'embed.copy.hint': '임베드된 페이지는 그래프, 설명, 재생 컨트롤을 보여 줍니다. 바깥 페이지는 postMessage로 조종할 수 있습니다 (README의 "Embedding" 참고).',
  'embed.frameTitle': 'Checkpoint Lab 시나리오: {name}',
  'embed.frameLessonTitle': 'Checkpoint Lab 레슨: {name}',
  'embed.region': '임베드된 Checkpoint Lab',
  'embed.open': 'Checkpoint Lab에서 열기',
  'embed.openTitle': '패널이 모두 있는 시뮬레이터 전체를 새 탭에서 엽니다',
  'embed.export.button': '그림 내보내기',
  'embed.export.title': '지금 이 순간의 그래프를 PNG와 SVG로 저장합니다 (슬라이드와 유인물용)',
  'embed.export.working': '그림을 그리는 중…',
  'embed.export.failed': '그림을 만들 수 없습니다: {message}',
} as const;
