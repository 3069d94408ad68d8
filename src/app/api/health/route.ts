import { db } from '@/lib/db';

export const dynamic = 'force-dynamic';

/** Used by the start script and tests to wait for the server; touches the database on purpose. */
export async function GET() {
  await db.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
}
