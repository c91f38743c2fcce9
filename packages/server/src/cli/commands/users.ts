import { translate } from '@dalbit/core/i18n/catalog';
import type { Lang } from '@dalbit/core/i18n/lang';
import type { Command } from 'commander';
import { createApiToken } from '../../auth/api-tokens.ts';
import { randomPassword } from '../../auth/password.ts';
import { addUser, disableUser, findUserRow, listUsers, resetPassword } from '../../auth/users.ts';
import type { CliContext } from '../context.ts';
import { CliError } from '../context.ts';

/** `로그인: <email> / <password>`, or how to get in when the owner exists already. */
export function loginLine(login: { email: string; password: string } | null, lang: Lang): string {
  if (login) return translate(lang, 'auth.firstOwner', login);
  return lang === 'ko'
    ? '기존 계정으로 로그인하세요 (비밀번호 재설정: dalbit users reset-password <이메일>)'
    : 'log in with an existing account (reset a password: dalbit users reset-password <email>)';
}

export function registerUsers(program: Command, ctx: CliContext): void {
  const users = program.command('users').description(ctx.t('cli.group.users'));
  users
    .command('add <email>')
    .description('add an account; prints a random password unless --password is given')
    .requiredOption('--role <role>', 'owner | marketer | analyst | privacy')
    .option('--name <name>', 'display name')
    .option('--password <password>', 'initial password (at least 10 characters)')
    .action(async (email: string, o: { role: string; name?: string; password?: string }, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const password = o.password ?? randomPassword();
      const u = await addUser(await ctx.warehouse(cmd), { email, role: o.role, name: o.name, password }, new Date());
      ctx.out(`${u.email} (${translate(lang, `auth.role.${u.role}`)})`);
      if (o.password === undefined) ctx.out(translate(lang, 'auth.firstOwner', { email: u.email, password }));
    });
  users
    .command('list')
    .description('every account with its role')
    .option('--json', 'machine-readable output')
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const list = await listUsers(await ctx.warehouse(cmd));
      if (o.json) return ctx.out(JSON.stringify(list));
      for (const u of list)
        ctx.out(
          `${u.email}  ${u.role} (${translate(lang, `auth.role.${u.role}`)})  ${u.name}${u.disabled ? (lang === 'ko' ? '  [비활성]' : '  [disabled]') : ''}`,
        );
    });
  users
    .command('disable <email>')
    .description('disable an account; its sessions and API tokens end at once')
    .action(async (email: string, _o: unknown, cmd: Command) => {
      const u = await disableUser(await ctx.warehouse(cmd), email, new Date());
      ctx.out(ctx.config(cmd).lang === 'ko' ? `비활성화했습니다: ${u.email}` : `disabled: ${u.email}`);
    });
  users
    .command('reset-password <email>')
    .description('set a new password (random unless --password); logs the user out everywhere')
    .option('--password <password>', 'the new password (at least 10 characters)')
    .action(async (email: string, o: { password?: string }, cmd: Command) => {
      const password = o.password ?? randomPassword();
      const u = await resetPassword(await ctx.warehouse(cmd), email, password, new Date());
      ctx.out(translate(ctx.config(cmd).lang, 'auth.firstOwner', { email: u.email, password }));
    });
  users
    .command('token <email>')
    .description('issue an API bearer token acting as this user (shown once)')
    .option('--label <label>', 'what the token is for', 'script')
    .action(async (email: string, o: { label: string }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const u = await findUserRow(engine, email);
      if (!u || u.disabled)
        throw new CliError('NOT_FOUND', translate(ctx.config(cmd).lang, 'auth.userNotFound', { email }));
      const t = await createApiToken(engine, u.id, o.label, new Date());
      ctx.out(t.token);
    });
}
