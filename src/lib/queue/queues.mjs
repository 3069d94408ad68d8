// The queues the app runs on pg-boss (docs/decisions/022), shared by the owner's install step
// (scripts/db/queue-schema.mjs creates them: a queue is a table partition, which only the owner may
// make) and the app (src/lib/reminders/jobs.ts works and schedules them). Plain JavaScript so both
// a migration script and the Next bundle can import it.

/** The schema pg-boss keeps its tables in. */
export const QUEUE_SCHEMA = 'pgboss';

/**
 * Each queue with the options it is created with. Retries are the queue's, so a job sent from inside
 * a command's transaction needs no options of its own.
 */
export const QUEUES = {
  /** The daily reminder checks (rules in src/lib/reminders/rules.ts). */
  remindersCheck: { name: 'reminders-check', options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 1800 } },
  /** The daily overdue digest to each county's group-robot webhook. */
  countyDigest: { name: 'county-digest', options: { retryLimit: 3, retryDelay: 300, expireInSeconds: 600 } },
  /** One mail or webhook post of the outbox (OutboundMessage); backoff over about an hour. */
  outboxDeliver: {
    name: 'outbox-deliver',
    options: { retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  },
  /**
   * Kept effect-test results brought up to date for the pairings marked stale (docs/decisions/027).
   * 'short': at most one job waiting per key, so a burst of requests asks once, while a request made
   * during a run still gets a run of its own after it (a time slot would drop it and leave its marks
   * for the minute's sweep).
   */
  resultsRefresh: { name: 'results-refresh', options: { policy: 'short', retryLimit: 2, retryDelay: 10, expireInSeconds: 300 } },
  /** Housekeeping: expired import previews, old delivered messages. */
  cleanup: { name: 'cleanup', options: { retryLimit: 2, retryDelay: 600, expireInSeconds: 600 } },
};

/** pg-boss's own queue for cron: created by the owner too, so the app role never needs to create one. */
export const CRON_QUEUE = '__pgboss__send-it';
