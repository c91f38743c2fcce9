import { z } from 'zod';
import { ROLES } from '../../auth/permissions.ts';
import { addUser, disableUser, getUserById, listUsers, resetPassword } from '../../auth/users.ts';
import type { ApiDeps } from '../api-deps.ts';
import { ApiError } from '../api-error.ts';
import { type AnyRoute, defineRoute } from '../define-route.ts';
import { sendJson } from '../send-json.ts';

const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
  disabled: z.boolean(),
});
const Password = z.string().min(10).max(500).describe('at least 10 characters');

/** Account administration for owners (`users.manage`). */
export function userRoutes(deps: ApiDeps): AnyRoute[] {
  const { engine } = deps;
  const byId = async (id: string) => {
    const u = await getUserById(engine, id);
    if (!u) throw new ApiError('NOT_FOUND', `no user ${id}`);
    return u;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/users',
      tag: 'users',
      access: 'users.manage',
      summary: 'Every account with its role and whether it is disabled',
      responses: { 200: { description: 'users', schema: z.object({ users: z.array(User) }) } },
      handle: async ({ c }) => sendJson(c, { users: await listUsers(engine) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users',
      tag: 'users',
      access: 'users.manage',
      summary: 'Add an account with a role and an initial password',
      body: z.object({
        email: z.email().max(200),
        name: z.string().trim().max(100).optional(),
        role: z.enum(ROLES),
        password: Password,
      }),
      responses: {
        201: { description: 'the new user', schema: z.object({ user: User }) },
        409: { description: 'the email is taken (USER_EXISTS)' },
      },
      handle: async ({ body, c }) => sendJson(c, { user: await addUser(engine, body, deps.now()) }, 201),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/disable',
      tag: 'users',
      access: 'users.manage',
      summary: 'Disable an account: its sessions and tokens end at once (the last owner cannot be disabled)',
      params: z.object({ id: z.string().min(1).max(100) }),
      responses: { 200: { description: 'the user', schema: z.object({ user: User }) } },
      handle: async ({ params, c }) => {
        const u = await byId(params.id);
        return sendJson(c, { user: await disableUser(engine, u.email, deps.now()) });
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/{id}/reset-password',
      tag: 'users',
      access: 'users.manage',
      summary: 'Set a new password; the user is logged out everywhere',
      params: z.object({ id: z.string().min(1).max(100) }),
      body: z.object({ password: Password }),
      responses: { 200: { description: 'the user', schema: z.object({ user: User }) } },
      handle: async ({ params, body, c }) => {
        const u = await byId(params.id);
        await resetPassword(engine, u.email, body.password, deps.now());
        return sendJson(c, { user: u });
      },
    }),
  ];
}
