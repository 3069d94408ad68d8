import { inject } from 'vitest';

// Before any test file imports src/lib/db.ts, which reads DATABASE_URL once.
process.env.DATABASE_URL = inject('databaseUrl');
