import { z } from 'zod';

const locale = z.locales.ko().localeError;

/**
 * zod's own issue texts in Korean (a missing value reads "값을 입력하세요"): passed to `safeParse`
 * wherever untrusted input becomes a 400, so every issue a person reads is Korean. Messages a schema
 * sets itself win over this map.
 * @example Schema.safeParse(body, { error: zodKorean })
 */
export const zodKorean: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.input === undefined) return '값을 입력하세요';
  return locale(issue);
};
