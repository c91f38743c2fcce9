import { CliError } from './cli-error.ts';
import type { CliContext } from './context.ts';

const reasonOf = (e: unknown): string =>
  (e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e));

/**
 * An input file that cannot be read: a missing file is `FILE_NOT_FOUND` (exit 66), anything else
 * (no permission, a folder, bad JSON) `FILE_UNREADABLE`; the message names the file and the cause.
 */
export function fileReadError(ctx: Pick<CliContext, 't'>, file: string, e: unknown): CliError {
  const reason = reasonOf(e);
  const code = reason === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE';
  return new CliError(code, ctx.t('cli.error.fileUnreadable', { file, reason }), { cause: e });
}

/** An output file that cannot be written (missing folder, no permission, a folder in the way …). */
export function fileWriteError(ctx: Pick<CliContext, 't'>, file: string, e: unknown): CliError {
  return new CliError('FILE_UNWRITABLE', ctx.t('cli.error.fileUnwritable', { file, reason: reasonOf(e) }), {
    cause: e,
  });
}

/** Whether the file system refused an operation (the error carries a syscall), as opposed to a bug. */
export const isFileSystemError = (e: unknown): boolean => e instanceof Error && 'syscall' in e;
