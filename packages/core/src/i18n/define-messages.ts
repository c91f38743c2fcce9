/** One message in both languages. `{name}` placeholders are filled from the params by `translate`. */
export interface Message {
  readonly ko: string;
  readonly en: string;
}

/** Declares a group of messages; the key type is kept so lookups are checked at compile time. */
export function defineMessages<const T extends Record<string, Message>>(messages: T): T {
  return messages;
}
