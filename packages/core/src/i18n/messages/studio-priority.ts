import { defineMessages } from '../define-messages.ts';

/** The settings page's campaign priorities: which campaign goes first when a frequency cap is hit. */
export const STUDIO_PRIORITY_MESSAGES = defineMessages({
  'studio.priority.title': { ko: '캠페인 우선순위', en: 'Campaign priorities' },
  'studio.priority.hint': {
    ko: '빈도 제한에 걸리면 우선순위가 높은 캠페인이 먼저 발송됩니다. 0부터 1000까지의 정수이며, 같으면 발송 시각이 이른 메시지가 먼저입니다. 바꾸면 캠페인의 새 버전이 저장됩니다.',
    en: 'When a frequency cap is hit, the campaign with the higher priority is sent first. A whole number from 0 to 1000; on a tie the earlier send goes first. Changing it saves a new revision of the campaign.',
  },
  'studio.priority.empty': {
    ko: '진행 중·일시 정지·초안 캠페인이 없습니다.',
    en: 'No running, paused or draft campaigns.',
  },
  'studio.priority.campaign': { ko: '캠페인', en: 'Campaign' },
  'studio.priority.status': { ko: '상태', en: 'Status' },
  'studio.priority.value': { ko: '우선순위', en: 'Priority' },
  'studio.priority.up': { ko: '우선순위 올리기', en: 'Raise priority' },
  'studio.priority.down': { ko: '우선순위 내리기', en: 'Lower priority' },
  'studio.priority.save': { ko: '저장', en: 'Save' },
  'studio.priority.saved': {
    ko: '{name}의 우선순위를 {priority}(으)로 저장했습니다 (버전 {revision})',
    en: 'Saved priority {priority} for {name} (revision {revision})',
  },
  'studio.priority.readOnly': {
    ko: '우선순위는 소유자와 마케터만 바꿀 수 있습니다.',
    en: 'Only owners and marketers can change priorities.',
  },
});
