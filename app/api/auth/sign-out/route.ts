// POST /api/auth/sign-out: forgets the session cookie.
import { NextResponse } from 'next/server';
import { sessionSetCookie } from '@/lib/auth';

export const dynamic = 'force-dynamic';

/** Clears the session and goes to the sign-in page. */
export function POST() {
  const response = new NextResponse(null, { status: 303, headers: { Location: '/sign-in' } });
  response.headers.append('Set-Cookie', sessionSetCookie('', 0));
  return response;
}
