import { type Rng, toCumulative } from '../math/random/prng.ts';

/**
 * Surnames with approximate population shares (통계청 2015 census, rounded), including the
 * compound surnames that make "split the first syllable" wrong (남궁, 선우, 제갈, 황보, 독고).
 */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['김', 21.5],
  ['이', 14.7],
  ['박', 8.4],
  ['최', 4.7],
  ['정', 4.3],
  ['강', 2.4],
  ['조', 2.1],
  ['윤', 2.0],
  ['장', 2.0],
  ['임', 1.7],
  ['한', 1.5],
  ['오', 1.5],
  ['서', 1.5],
  ['신', 1.4],
  ['권', 1.4],
  ['황', 1.4],
  ['안', 1.3],
  ['송', 1.3],
  ['류', 1.2],
  ['전', 1.1],
  ['홍', 1.1],
  ['고', 0.9],
  ['문', 0.9],
  ['양', 0.9],
  ['손', 0.9],
  ['배', 0.8],
  ['백', 0.7],
  ['허', 0.7],
  ['유', 0.7],
  ['남', 0.6],
  ['심', 0.6],
  ['노', 0.6],
  ['하', 0.5],
  ['곽', 0.4],
  ['성', 0.4],
  ['차', 0.4],
  ['주', 0.4],
  ['우', 0.4],
  ['구', 0.4],
  ['민', 0.3],
  ['남궁', 0.25],
  ['선우', 0.2],
  ['제갈', 0.15],
  ['황보', 0.15],
  ['독고', 0.05],
];
const SURNAME_CUMULATIVE = toCumulative(SURNAMES.map(([, w]) => w));

/** Given names (hangul, romanisation used for e-mail and shop ids). */
const FEMALE: readonly (readonly [string, string])[] = [
  ['지영', 'jiyoung'],
  ['수진', 'sujin'],
  ['민지', 'minji'],
  ['서연', 'seoyeon'],
  ['지은', 'jieun'],
  ['하은', 'haeun'],
  ['예린', 'yerin'],
  ['유진', 'yujin'],
  ['소연', 'soyeon'],
  ['지현', 'jihyun'],
  ['다은', 'daeun'],
  ['서현', 'seohyun'],
  ['수빈', 'subin'],
  ['은지', 'eunji'],
  ['혜진', 'hyejin'],
  ['민서', 'minseo'],
  ['채원', 'chaewon'],
  ['지원', 'jiwon'],
  ['윤서', 'yunseo'],
  ['가은', 'gaeun'],
  ['나연', 'nayeon'],
  ['예진', 'yejin'],
  ['하윤', 'hayun'],
  ['지수', 'jisu'],
  ['현주', 'hyunju'],
  ['미정', 'mijung'],
  ['은영', 'eunyoung'],
  ['보람', 'boram'],
  ['슬기', 'seulgi'],
  ['아름', 'areum'],
  ['선영', 'sunyoung'],
  ['정은', 'jungeun'],
  ['혜원', 'hyewon'],
  ['소희', 'sohee'],
  ['다현', 'dahyun'],
  ['유나', 'yuna'],
  ['세아', 'sea'],
  ['지안', 'jian'],
  ['수아', 'sua'],
  ['연우', 'yeonwoo'],
];
const MALE: readonly (readonly [string, string])[] = [
  ['민준', 'minjun'],
  ['서준', 'seojun'],
  ['도윤', 'doyun'],
  ['지훈', 'jihun'],
  ['현우', 'hyunwoo'],
  ['준호', 'junho'],
  ['성민', 'sungmin'],
  ['동현', 'donghyun'],
  ['재원', 'jaewon'],
  ['태현', 'taehyun'],
  ['승민', 'seungmin'],
  ['지호', 'jiho'],
  ['우진', 'woojin'],
  ['건우', 'gunwoo'],
  ['민재', 'minjae'],
  ['영호', 'youngho'],
  ['상훈', 'sanghun'],
  ['정우', 'jungwoo'],
  ['진우', 'jinwoo'],
  ['준영', 'junyoung'],
  ['시우', 'siwoo'],
  ['하준', 'hajun'],
  ['태윤', 'taeyun'],
  ['경민', 'kyungmin'],
  ['용준', 'yongjun'],
];

export interface KoreanName {
  /** Full name as one string, e.g. '남궁민지'. */
  readonly full: string;
  readonly surname: string;
  /** ASCII handle of the given name, e.g. 'minji'. */
  readonly roman: string;
}

export function pickKoreanName(rng: Rng, gender: 'F' | 'M'): KoreanName {
  const surname = SURNAMES[rng.weightedCumulative(SURNAME_CUMULATIVE)]?.[0] ?? '김';
  const [given, roman] = rng.pick(gender === 'F' ? FEMALE : MALE);
  return { full: `${surname}${given}`, surname, roman };
}

export const COMPOUND_SURNAMES: readonly string[] = ['남궁', '선우', '제갈', '황보', '독고'];
