/** The machine-readable code of a schema issue (campaign or settings): the rule's own (`COUPON_MISSING`) or zod's, upper case. */
export function campaignIssueCode(i: { code: string; params?: Record<string, unknown> | undefined }): string {
  return (i.code === 'custom' && typeof i.params?.reason === 'string' ? i.params.reason : i.code).toUpperCase();
}
