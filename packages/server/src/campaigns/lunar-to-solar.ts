import type { LunarToSolar } from '@dalbit/core/campaigns/golden-times';
import { lunarToSolar } from '@dalbit/core/segments/anniversary-calendar';
import { kstDayToIso } from '@dalbit/core/time/kst';

/** The KASI-table converter (korean-lunar-calendar, valid to 2050) for campaign golden times. */
export const LUNAR_TO_SOLAR: LunarToSolar = (year, month, day) => {
  const d = lunarToSolar(year, month, day);
  return d === null ? undefined : kstDayToIso(d);
};
