/** SMTP relay settings; credentials come from configuration. */
export interface SmtpConfig {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465). STARTTLS is used when the server offers it unless `ignoreTLS`. */
  readonly secure?: boolean;
  readonly ignoreTLS?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Domain of the deterministic Message-ID (`<key-hash@domain>`). */
  readonly messageIdDomain?: string;
  readonly timeoutMs?: number;
  /** Keep connections open between messages (bulk sends). */
  readonly pool?: boolean;
}
