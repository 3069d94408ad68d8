import Link from '@/components/ui/link';
import { Suspense } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/authz';
import { listTodos } from '@/lib/todos/queries';
import { Card } from '@/components/ui/page-header';

/**
 * What waits for this person, first on their home page; each line opens the list where it is done.
 * What the page shows below it (`children`) appears with it: a list arriving above cards already on
 * screen pushed them down under the finger about to tap them (a layout shift of 0.3–0.6).
 *
 * A kindergarten's people get it in the page's first paint: their items are a few scoped counts, and
 * React reveals a streamed boundary no sooner than 300 ms after the previous paint, so the list — the
 * largest thing on a phone's first screen — came ~1.5 s after the header with a 4× slower CPU. An
 * admin's list evaluates every pairing in scope ("newly at risk"), which can take seconds at a
 * province's scale, so theirs streams in behind the header.
 */
export function TodoList({ user, children }: { user: Actor; children?: React.ReactNode }) {
  const content = (
    <>
      <TodoCard user={user} />
      {children}
    </>
  );
  return user.kindergartenId ? content : <Suspense fallback={null}>{content}</Suspense>;
}

async function TodoCard({ user }: { user: Actor }) {
  const [todos, t, format] = await Promise.all([listTodos(user, db), getTranslations('todos'), getFormatter()]);
  return (
    <Card className="mb-4">
      <h2 className="mb-2 font-semibold">{t('title')}</h2>
      {todos.length === 0 ? (
        <p className="text-sm text-stone-700" data-testid="todos-empty">
          {t('nothing')}
        </p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="todos">
          {todos.map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                className="flex min-h-11 items-center justify-between gap-3 py-1 text-brand-700 underline decoration-stone-300"
                data-testid={`todo-${item.key}`}
              >
                <span>{t(item.key)}</span>
                <span className="rounded-full bg-amber-100 px-2 text-sm font-semibold text-amber-900 tabular-nums no-underline">
                  {format.number(item.count)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
