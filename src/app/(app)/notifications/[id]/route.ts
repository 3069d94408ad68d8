import type { NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { denyRoute, requireRouteUser } from '@/lib/session';
import { openNotification } from '@/lib/notifications/commands';

/**
 * Opening a line of the inbox: marks it read and goes to its record. A route (not a page) so that the
 * change happens once, on the tap; the inbox links here with plain <a> elements, which nothing prefetches.
 * Someone else's notification answers 404 and is audited like any denied record.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { user, response } = await requireRouteUser(request, { permission: 'notification.view', entityType: 'Notification' });
  if (response) return response;
  const { id } = await params;
  const result = await openNotification(user, { id }, db);
  if (!result.ok) return denyRoute(user, request, { entityType: 'Notification', entityId: id });
  return new Response(null, { status: 303, headers: { Location: result.value.href, 'Cache-Control': 'private, no-store' } });
}
