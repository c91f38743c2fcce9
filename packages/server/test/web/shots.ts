import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where the web-audience e2e tests leave screenshots for a person to look at. */
export const SHOTS_DIR = process.env.DALBIT_SHOTS ?? '/tmp/shots/web-audience';

export async function shoot(page: Page, name: string, dir = SHOTS_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Whether the bundled Korean web font (not a system font) is what renders Hangul: the machine has
 * no Korean system fonts, so without it Hangul would be tofu boxes.
 */
export async function hangulUsesBundledFont(page: Page): Promise<boolean> {
  // Runs in the page (a string, since the server package is type-checked without DOM types).
  return page.evaluate(`(async () => {
    await document.fonts.ready;
    await document.fonts.load('16px "Noto Sans KR Variable"', '한글');
    const loaded = [...document.fonts].filter((f) => f.family.includes('Noto Sans KR') && f.status === 'loaded');
    return loaded.length > 0 && document.fonts.check('16px "Noto Sans KR Variable"', '한글');
  })()`) as Promise<boolean>;
}
