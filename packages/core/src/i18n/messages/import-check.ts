import { defineMessages } from '../define-messages.ts';

/**
 * What an import says about the file before and after writing (`importCheck.*`): a close
 * runner-up kind, a product key built from the name, and the inserted / updated / unchanged
 * counts. Shown by `dalbit import`, the import API and the dashboard's import page.
 */
export const IMPORT_CHECK_MESSAGES = defineMessages({
  'importCheck.runnerUp': {
    ko: '{best|으로/로} 보았지만 {second|과/와} 점수가 비슷합니다 ({bestScore} 대 {secondScore}). 맞는지 확인하세요',
    en: 'read as {best}, but {second} scores close ({bestScore} vs {secondScore}); please confirm',
  },
  'importCheck.runnerUpCli': {
    ko: '{second|이라면/라면} --source {secondKind} 로 지정하세요',
    en: 'if it is {second}, pass --source {secondKind}',
  },
  'importCheck.useRunnerUp': { ko: '{second|으로/로} 읽기', en: 'Read as {second}' },
  'importCheck.productKeyFromName': {
    ko: '상품코드 열이 없어 상품을 상품명과 옵션으로 구분합니다. 쇼핑몰에서 상품명이나 옵션명을 바꾸면 다른 상품으로 잡힙니다 (다운로드 설정에서 상품번호·판매자 상품코드 열을 켜면 정확합니다)',
    en: 'no product code column: products are told apart by name and option, so a product renamed in the shop counts as another one (turn on the product number or seller code column in the download settings)',
  },
  'importCheck.warning': { ko: '주의', en: 'warning' },
  'importCheck.changes': {
    ko: '{what}: 새로 추가 {inserted}, 변경 {updated}, 변경 없음 {unchanged}',
    en: '{what}: {inserted} inserted, {updated} updated, {unchanged} unchanged',
  },
  'importCheck.changesTitle': { ko: '가져오기 전과 비교', en: 'Compared with before the import' },
  'importCheck.inserted': { ko: '새로 추가', en: 'Inserted' },
  'importCheck.updated': { ko: '변경', en: 'Updated' },
  'importCheck.unchanged': { ko: '변경 없음', en: 'Unchanged' },
  'importCheck.customers': { ko: '고객', en: 'customers' },
  'importCheck.orders': { ko: '주문', en: 'orders' },
  'importCheck.nothingNew': {
    ko: '이미 가져온 내용과 같습니다: 새로 추가되거나 바뀐 고객·주문이 없습니다',
    en: 'same as already imported: no customer or order was added or changed',
  },
});
