// Runs once when the web server starts (Next.js instrumentation hook). `npm start` works the job queue
// in this same process unless WORKER=off (several web instances: run `npm run worker` beside them);
// see docs/decisions/022. Not during `next build`, which loads this file too.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.WORKER === 'off') return;
  const { startQueueInServer } = await import('./lib/reminders/server-queue');
  await startQueueInServer();
}
