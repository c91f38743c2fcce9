import { createHmac, randomBytes } from 'node:crypto';

/**
 * Solapi API-key authentication: `HMAC-SHA256 apiKey=…, date=<ISO 8601>, salt=<random>,
 * signature=<hex HMAC-SHA256(apiSecret, date + salt)>`.
 */
export function signSolapiRequest(input: { apiKey: string; apiSecret: string; date: Date; salt?: string }): string {
  const date = input.date.toISOString();
  const salt = input.salt ?? randomBytes(16).toString('hex');
  const signature = createHmac('sha256', input.apiSecret)
    .update(date + salt)
    .digest('hex');
  return `HMAC-SHA256 apiKey=${input.apiKey}, date=${date}, salt=${salt}, signature=${signature}`;
}
