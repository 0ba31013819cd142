// Vitest runs server modules directly; "server-only" guards only the Next.js client bundle.
export {};
