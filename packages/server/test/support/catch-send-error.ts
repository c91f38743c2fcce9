import { SendError } from '@dalbit/core/channels/send-error';

/** Awaits a send that must fail and returns its SendError; any other outcome fails the test. */
export async function catchSendError(p: Promise<unknown>): Promise<SendError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SendError) return e;
    throw e;
  }
  throw new Error('expected a SendError');
}
