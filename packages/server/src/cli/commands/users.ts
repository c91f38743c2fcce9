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
  return login ? translate(lang, 'auth.firstOwner', login) : translate(lang, 'cli.login.existing');
}

export function registerUsers(program: Command, ctx: CliContext): void {
  const users = program.command('users').description(ctx.t('cli.group.users'));
  users
    .command('add <email>')
    .description(ctx.t('cli.users.add'))
    .requiredOption('--role <role>', ctx.t('cli.users.opt.role'))
    .option('--name <name>', ctx.t('cli.users.opt.name'))
    .option('--password <password>', ctx.t('cli.users.opt.password'))
    .action(async (email: string, o: { role: string; name?: string; password?: string }, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const password = o.password ?? randomPassword();
      const u = await addUser(await ctx.warehouse(cmd), { email, role: o.role, name: o.name, password }, new Date());
      ctx.out(`${u.email} (${translate(lang, `auth.role.${u.role}`)})`);
      if (o.password === undefined) ctx.out(translate(lang, 'auth.firstOwner', { email: u.email, password }));
    });
  users
    .command('list')
    .description(ctx.t('cli.users.list'))
    .option('--json', ctx.t('cli.option.json'))
    .action(async (o: { json?: boolean }, cmd: Command) => {
      const { lang } = ctx.config(cmd);
      const list = await listUsers(await ctx.warehouse(cmd));
      if (o.json) return ctx.out(JSON.stringify(list));
      for (const u of list)
        ctx.out(
          `${u.email}  ${u.role} (${translate(lang, `auth.role.${u.role}`)})  ${u.name}${u.disabled ? `  ${ctx.t('cli.users.disabledMark')}` : ''}`,
        );
    });
  users
    .command('disable <email>')
    .description(ctx.t('cli.users.disable'))
    .action(async (email: string, _o: unknown, cmd: Command) => {
      const u = await disableUser(await ctx.warehouse(cmd), email, new Date());
      ctx.out(ctx.t('cli.users.disabled', { email: u.email }));
    });
  users
    .command('reset-password <email>')
    .description(ctx.t('cli.users.resetPassword'))
    .option('--password <password>', ctx.t('cli.users.opt.newPassword'))
    .action(async (email: string, o: { password?: string }, cmd: Command) => {
      const password = o.password ?? randomPassword();
      const u = await resetPassword(await ctx.warehouse(cmd), email, password, new Date());
      ctx.out(translate(ctx.config(cmd).lang, 'auth.firstOwner', { email: u.email, password }));
    });
  users
    .command('token <email>')
    .description(ctx.t('cli.users.token'))
    .option('--label <label>', ctx.t('cli.users.opt.label'), 'script')
    .action(async (email: string, o: { label: string }, cmd: Command) => {
      const engine = await ctx.warehouse(cmd);
      const u = await findUserRow(engine, email);
      if (!u || u.disabled)
        throw new CliError('NOT_FOUND', translate(ctx.config(cmd).lang, 'auth.userNotFound', { email }));
      const t = await createApiToken(engine, u.id, o.label, new Date());
      ctx.out(t.token);
    });
}
