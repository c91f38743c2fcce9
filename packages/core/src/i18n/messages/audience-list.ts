import { defineMessages } from '../define-messages.ts';

/** The saved-audiences list: change since yesterday and the archive (보관함). */
export const AUDIENCE_LIST_MESSAGES = defineMessages({
  'audienceList.up': { ko: '▲{n} 어제보다', en: '▲{n} vs yesterday' },
  'audienceList.down': { ko: '▼{n} 어제보다', en: '▼{n} vs yesterday' },
  'audienceList.same': { ko: '변동 없음', en: 'No change' },
  'audienceList.noYesterday': { ko: '어제 기록 없음', en: 'No record yesterday' },
  'audienceList.active': { ko: '사용 중', en: 'Active' },
  'audienceList.archived': { ko: '보관함', en: 'Archive' },
  'audienceList.archive': { ko: '보관', en: 'Archive' },
  'audienceList.confirmArchive': {
    ko: '"{name}" 오디언스를 보관할까요? (목록에서 숨겨지고 보관함에서 볼 수 있습니다)',
    en: 'Archive "{name}"? (hidden from the list, visible in the archive)',
  },
  'audienceList.archivedDone': { ko: '보관했습니다', en: 'Archived' },
  'audienceList.noneArchived': { ko: '보관한 오디언스가 없습니다', en: 'No archived audiences' },
});
