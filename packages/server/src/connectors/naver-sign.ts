import bcrypt from 'bcryptjs';

/**
 * Naver Commerce API `client_secret_sign`: base64 of bcrypt(`${clientId}_${timestamp}`) with the
 * application secret (itself a bcrypt salt, `$2a$04$…`) as salt.
 */
export function naverClientSecretSign(clientId: string, clientSecret: string, timestamp: number): string {
  return Buffer.from(bcrypt.hashSync(`${clientId}_${timestamp}`, clientSecret), 'utf8').toString('base64');
}
