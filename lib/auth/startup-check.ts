// Run once when the server starts (instrumentation.ts): a half-configured sign-in, or a network
// listen address without one, stops the process with the setting's name instead of serving.
import { authConfigFromEnv, listenProblem } from './auth-config';

/** Exits the process with a message naming the setting when the sign-in settings are unusable. */
export function enforceStartupSettings(
  env: Record<string, string | undefined> = process.env,
): void {
  try {
    const problem = listenProblem(env.PODTRAIL_LISTEN_HOST ?? '127.0.0.1', authConfigFromEnv(env));
    if (problem) throw new Error(problem);
  } catch (error) {
    console.error(`podtrail: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
