import { defineMessages } from '../define-messages.ts';

/** The data directory: which commands may create it, and the refusal of the others. */
export const DATA_DIR_MESSAGES = defineMessages({
  'dataDir.missing': {
    ko: '데이터 디렉터리가 없습니다: {dataDir}. 경로가 맞는지 확인하세요 (새로 만들려면 dalbit init, dalbit demo 또는 dalbit import)',
    en: 'the data directory does not exist: {dataDir}. Check the path (dalbit init, dalbit demo or dalbit import create one)',
  },
  'dataDir.created': {
    ko: '새 데이터 디렉터리를 만들었습니다: {dataDir}',
    en: 'created a new data directory: {dataDir}',
  },
});
