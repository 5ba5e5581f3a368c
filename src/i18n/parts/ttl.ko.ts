import type { ttlEn } from './ttl.en';

export const ttlKo: Record<keyof typeof ttlEn, string> = {
  'ttl.heading': '상태 TTL',
  'ttl.cleanup': '정리',
  'ttl.onRead': '읽을 때',
  'ttl.incremental': '증분, {per} 항목 {size}개(힙)',
  'ttl.perAccess': '상태 접근마다',
  'ttl.perRecord': '접근과 레코드마다',
  'ttl.fullSnapshot': '전체 스냅샷에서',
  'ttl.compactionFilter': 'RocksDB 컴팩션 필터(항목 {n}개마다 시간을 다시 읽음, 주기적 컴팩션 {period})',
  'ttl.heapOnly': '증분 정리는 힙 백엔드(hashmap)에서만 동작합니다.',
  'ttl.rocksOnly': '컴팩션 필터는 RocksDB 백엔드에서만 동작합니다.',
  'ttl.chartCaption': '시간에 따른 상태 크기(스냅샷마다 기록)',
  'ttl.keysAxis': '상태가 있는 키',
  'ttl.bytesAxis': '상태 바이트',
  'ttl.expiredLine': '만료되었지만 정리되지 않음',
  'ttl.compactionMark': 'RocksDB 컴팩션',
  'ttl.now': '지금: 키 {keys}개, 마지막 스냅샷 기준 {bytes}, 만료되었지만 정리되지 않은 키 {expired}개입니다.',
  'ttl.expiredTag': '만료',
  'ttl.expiredTitle': 'TTL이 지났지만 아직 어떤 정리도 지우지 않았습니다. NeverReturnExpired이면 읽어도 보이지 않고, ReturnExpiredIfNotCleanedUp이면 한 번 더 반환됩니다.',
};
