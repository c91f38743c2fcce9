/** A problem with a template or its output, collected (never thrown) and shown to the marketer. */
export type TemplateIssueCode =
  | 'SYNTAX' // Liquid parse error
  | 'RENDER' // Liquid runtime error
  | 'FORBIDDEN_TAG' // include / render / layout: templates read no files
  | 'TEMPLATE_LIMIT' // too long to parse, or the render went over its time or memory budget
  | 'UNKNOWN_VARIABLE' // template uses a variable the context does not define
  | 'COUPON_MISSING' // template reads coupon.* but the message has no coupon
  | 'SMS_TOO_LONG'
  | 'LMS_TOO_LONG'
  | 'TITLE_TOO_LONG'
  | 'NON_EUC_KR_CHAR'
  | 'ALIMTALK_TOO_LONG'
  | 'ALIMTALK_VARIABLE_MISSING'
  | 'ALIMTALK_VARIABLE_UNKNOWN'
  | 'ALIMTALK_MISMATCH'
  | 'BRAND_TOO_LONG'
  | 'SUBJECT_TOO_LONG'
  | 'PUSH_TOO_LONG'
  | 'EMPTY';

export interface TemplateIssue {
  readonly code: TemplateIssueCode;
  /** Which part: `text`, `subject`, `html`, `fallback.text`, `variables.name` … */
  readonly path: string;
  readonly message: string;
  /** UTF-16 index in the rendered text, when the issue is about one place. */
  readonly index?: number;
  readonly limit?: number;
  readonly actual?: number;
}
