import { defineMessages } from '../define-messages.ts';

/** `dalbit segment …`: subcommand and option help and what the commands print. */
export const CLI_SEGMENT_MESSAGES = defineMessages({
  'cli.segment.explain': {
    ko: '세그먼트 정의(JSON)를 문장으로 읽어 주기',
    en: 'read a segment definition (JSON) back in words',
  },
  'cli.segment.count': { ko: '세그먼트 정의(JSON)의 현재 인원 수', en: 'live size of a segment definition (JSON)' },
  'cli.segment.create': {
    ko: '--file def.json 또는 --recipe 이름 --param k=v … 로 세그먼트 저장',
    en: 'store a segment from --file def.json or --recipe NAME --param k=v …',
  },
  'cli.segment.edit': {
    ko: '세그먼트의 새 버전 저장 (이전 버전도 계속 읽을 수 있음)',
    en: 'save a new version of a segment (old versions stay readable)',
  },
  'cli.segment.pin': { ko: '세그먼트 고정 (--off 로 해제)', en: 'pin a segment (or unpin with --off)' },
  'cli.segment.list': {
    ko: '저장된 세그먼트 (고정된 것 먼저)와 마지막 인원 수',
    en: 'stored segments (pinned first) with their last size',
  },
  'cli.segment.show': {
    ko: '세그먼트의 정의, 버전, 인원 추이',
    en: 'definition, versions and size trend of a segment',
  },
  'cli.segment.refresh': {
    ko: '고객 피처를 갱신한 뒤 활성 세그먼트 전체(또는 하나)의 멤버 갱신',
    en: 'refresh customer features, then the members of every active segment (or one)',
  },
  'cli.segment.members': {
    ko: '저장된 세그먼트의 현재 멤버 id (마지막 갱신 기준)',
    en: 'current member ids of a stored segment (as of its last refresh)',
  },
  'cli.segment.export': {
    ko: '멤버를 csv/xlsx 로 쓰기 (--unmask --reason 이 없으면 마스킹) 또는 카카오 친구 그룹 전화번호 목록',
    en: 'write members to csv/xlsx (masked unless --unmask --reason) or a Kakao friend-group phone list',
  },
  'cli.segment.opt.file': { ko: '세그먼트 정의 JSON 파일', en: 'definition JSON' },
  'cli.segment.opt.recipe': {
    ko: "레시피 이름 ('dalbit recipes list' 참고)",
    en: "recipe name (see 'dalbit recipes list')",
  },
  'cli.segment.opt.param': { ko: '레시피 파라미터 (여러 번 지정 가능)', en: 'recipe parameter (repeatable)' },
  'cli.segment.opt.name': {
    ko: '세그먼트 이름 (기본값: 레시피 제목 또는 파일 이름)',
    en: 'segment name (default: the recipe title or the file name)',
  },
  'cli.segment.opt.description': { ko: '설명', en: 'description' },
  'cli.segment.opt.pin': { ko: '목록 맨 위에 고정', en: 'pin it to the top of the list' },
  'cli.segment.opt.note': { ko: '바뀐 내용', en: 'what changed' },
  'cli.segment.opt.off': { ko: '고정 해제', en: 'unpin' },
  'cli.segment.opt.version': { ko: '이 버전 보기', en: 'show this version' },
  'cli.segment.opt.skipFeatures': {
    ko: 'customer_features 를 먼저 다시 만들지 않음',
    en: 'do not rebuild customer_features first',
  },
  'cli.segment.opt.format': { ko: '형식: csv | xlsx | kakao-friends', en: 'format: csv | xlsx | kakao-friends' },
  'cli.segment.opt.columns': { ko: '쉼표로 구분한 열: {columns}', en: 'comma-separated: {columns}' },
  'cli.segment.opt.unmask': {
    ko: '개인정보를 마스킹하지 않고 포함 (--reason 필요)',
    en: 'include personal data unmasked (needs --reason)',
  },
  'cli.segment.opt.reason': {
    ko: '마스킹 해제가 필요한 사유 (접근 기록에 남음)',
    en: 'why unmasked data is needed (written to the access log)',
  },
  'cli.segment.opt.actor': { ko: '내보내는 사람 (기본값: OS 사용자)', en: 'who exports (default: the OS user)' },
  'cli.segment.opt.out': { ko: '출력 파일 (기본값: <id>.<확장자>)', en: 'output file (default: <id>.<ext>)' },
  'cli.segment.invalid': { ko: '세그먼트 정의 오류:', en: 'invalid segment definition:' },
  'cli.segment.count.result': { ko: '{count}명 ({ms} ms)', en: '{count} customers ({ms} ms)' },
  'cli.segment.created': {
    ko: '생성: {id} "{name}" v{version}: {explained}',
    en: 'created {id} "{name}" v{version}: {explained}',
  },
  'cli.segment.edited': { ko: '{id} 는 이제 v{version} 입니다', en: '{id} is now v{version}' },
  'cli.segment.pinned': { ko: '{id} 고정됨', en: '{id} pinned' },
  'cli.segment.unpinned': { ko: '{id} 고정 해제됨', en: '{id} unpinned' },
  'cli.segment.none': {
    ko: '아직 세그먼트가 없습니다 (dalbit segment create …)',
    en: 'no segments yet (dalbit segment create …)',
  },
  'cli.segment.showHead': { ko: 'v{version} / 전체 {count}개 버전', en: 'v{version} of {count}' },
  'cli.segment.recipe': { ko: '레시피 {recipe}', en: 'recipe {recipe}' },
  'cli.segment.trend': {
    ko: '  크기 추이 (기준 시각, 크기, 진입, 이탈):',
    en: '  size trend (as of, size, entered, exited):',
  },
  'cli.segment.features': { ko: '피처: 고객 {count}명 ({ms} ms)', en: 'features: {count} customers ({ms} ms)' },
  'cli.segment.skipped': { ko: '건너뜀 {id}: {reason}', en: 'skipped {id}: {reason}' },
  'cli.segment.refreshed': { ko: '세그먼트 {count}개 ({ms} ms)', en: '{count} segments in {ms} ms' },
  'cli.segment.exported': { ko: '{rows}행 → {path}{how}', en: '{rows} rows → {path}{how}' },
  'cli.segment.masked': { ko: ' (마스킹됨)', en: ' (masked)' },
  'cli.segment.unmasked': { ko: ' (마스킹 해제, 접근 기록됨)', en: ' (UNMASKED, access-logged)' },
});
