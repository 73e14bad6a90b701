// `octroi admin create`: the first administrator of an installation, from the machine itself.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { provisionUser } from '../features/accounts/commands/provisionUser.ts';
import { openCommandRuntime } from './commandContext.ts';
import { UsageError } from './usage.ts';

export async function adminCommand(args: string[]): Promise<number> {
  if (args[0] !== 'create') throw new UsageError(`unknown admin command: ${args[0] ?? '(none)'}`);
  const { values } = parseArgs({
    args: args.slice(1),
    options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
  });
  if (!values.email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(values.email))
    throw new UsageError('--email must be an email address');
  if (values.password !== undefined && values.password.length < 10)
    throw new UsageError('--password must have at least 10 characters');
  const password = values.password ?? randomBytes(12).toString('base64url');
  const runtime = await openCommandRuntime();
  const result = await provisionUser(runtime.deps, {
    email: values.email,
    displayName: values.name ?? values.email.split('@')[0]!,
    password,
    locale: 'fr',
    platformAdmin: true,
  });
  await runtime.close();
  process.stdout.write(
    JSON.stringify({
      email: values.email.toLowerCase(),
      created: result.created,
      ...(result.created && !values.password ? { password } : {}),
    }) + '\n',
  );
  if (!result.created)
    console.error(
      'This account already existed: it is now an administrator of the installation; its password is unchanged.',
    );
  return 0;
}
