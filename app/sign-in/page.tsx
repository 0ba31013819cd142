import type { Metadata } from 'next';
import { authSettings } from '@/app/api/_lib/guard';
import { safeNext } from '@/lib/auth';

export const metadata: Metadata = { title: 'Sign in' };

const messages: Record<string, string> = {
  invalid: 'That access token is not right. Ask whoever runs this Podtrail for the current one.',
  expired: 'Your session ended. Sign in again.',
  oidc: 'The identity provider did not sign you in. Try again.',
  'not-allowed':
    'The identity provider signed you in, but this Podtrail admits only some groups or addresses. Ask whoever runs it for access.',
};

/** Sign-in: the shared access token, or a button to the OpenID Connect provider. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNext(params.next);
  const settings = authSettings();
  const error = params.error ? (messages[params.error] ?? messages.invalid) : undefined;
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-6 px-6">
      <div>
        <h1 className="text-2xl font-bold">Sign in to Podtrail</h1>
        <p className="mt-1 text-slate-700">
          This dashboard reads live clusters, so it needs to know it is you. You will go back to{' '}
          <code className="rounded bg-slate-100 px-1 break-all">{next}</code> afterwards.
        </p>
      </div>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
      {settings.mode === 'oidc' ? (
        <a
          href={`/api/auth/oidc/start?next=${encodeURIComponent(next)}`}
          className="rounded bg-slate-900 px-4 py-2 text-center font-semibold text-white"
        >
          Sign in with {settings.oidc?.issuer.host}
        </a>
      ) : settings.mode === 'token' ? (
        <form method="post" action="/api/auth/sign-in" className="flex flex-col gap-3">
          <input type="hidden" name="next" value={next} />
          <label className="flex flex-col gap-1 font-medium">
            Access token
            <input
              name="token"
              type="password"
              required
              autoComplete="current-password"
              autoFocus
              className="rounded border border-slate-400 px-3 py-2 font-mono"
            />
          </label>
          <button type="submit" className="rounded bg-slate-900 px-4 py-2 font-semibold text-white">
            Sign in
          </button>
        </form>
      ) : (
        <p className="rounded border border-slate-300 bg-slate-50 p-3">
          {settings.mode === 'proxy'
            ? 'Sign-in happens at the auth proxy in front of Podtrail; open it through the proxy.'
            : 'This Podtrail listens on loopback only and needs no sign-in.'}
        </p>
      )}
    </main>
  );
}
