import { defineMessages } from '../define-messages.ts';

/** A full disk and a damaged warehouse file: what happened and what to do (engines/storage-errors.ts). */
export const STORAGE_MESSAGES = defineMessages({
  'domain.DISK_FULL': { ko: '디스크가 가득 찼습니다', en: 'the disk is full' },
  'domain.WAREHOUSE_CORRUPT': { ko: '웨어하우스 파일이 손상되었습니다', en: 'the warehouse file is damaged' },
  'storage.diskFull': {
    ko: '디스크가 가득 차서 {path}에 쓰지 못했습니다. 이 작업은 취소되었고 아무것도 기록되지 않았습니다. `df -h {dir}`로 남은 공간을 확인하고, 오래된 내보내기·백업 파일을 지우거나 더 큰 디스크로 데이터 디렉터리를 옮긴 뒤 다시 실행하세요.',
    en: 'the disk is full: could not write {path}. This operation was cancelled and nothing was written. Check the free space with `df -h {dir}`, delete old exports or backups, or move the data directory to a larger disk, then run it again.',
  },
  'storage.corrupt': {
    ko: '웨어하우스 파일 {path}이(가) 손상되어 열 수 없습니다 ({detail}). Dalbit을 모두 멈추고 이 파일을 백업 사본으로 바꾼 뒤 다시 실행하세요. 백업이 없으면 손상된 파일을 다른 이름으로 옮겨 두고 `dalbit init`으로 새로 만든 다음 원본 내보내기 파일을 다시 가져오세요.',
    en: 'the warehouse file {path} is damaged and cannot be opened ({detail}). Stop every Dalbit process, replace the file with a backup copy and start again. Without a backup, move the damaged file aside, run `dalbit init` and import the original export files again.',
  },
});
