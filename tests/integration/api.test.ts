import { describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { hashToken } from '@/lib/api-tokens/token';
import { issueToken, revokeOwnToken } from '@/lib/api-tokens/commands';
import { GET as listKindergartens } from '@/app/api/v1/kindergartens/route';
import { GET as getKindergarten } from '@/app/api/v1/kindergartens/[id]/route';
import { GET as listPairings } from '@/app/api/v1/pairings/route';
import { GET as getPairing } from '@/app/api/v1/pairings/[id]/route';
import { GET as listActivities } from '@/app/api/v1/activities/route';
import { GET as getActivity } from '@/app/api/v1/activities/[id]/route';
import { GET as getEffectTests } from '@/app/api/v1/pairings/[id]/effect-tests/route';
import { actorFor } from '../fixtures/factories';
import { createActivity, createPairingWorld } from '../fixtures/activity-factories';

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

async function call(handler: Handler, path: string, token: string | null, id = '') {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const res = await handler(new Request(`http://localhost${path}`, { headers }), { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

async function tokenFor(user: { id: string }) {
  const result = await issueToken(await actorFor(db, user), { name: 'test', expires: '30' }, db);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

async function world() {
  const w = await createPairingWorld(db);
  const actA = await createActivity(db, {
    pairingId: w.pairingA.id,
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    status: 'DONE',
    type: 'SENT_DEMONSTRATION',
    classHours: 2,
    startsAt: new Date('2026-03-05T01:00:00Z'),
  });
  const actA2 = await createActivity(db, {
    pairingId: w.pairingA.id,
    recordingKindergartenId: w.kgA.id,
    createdById: w.directorA.id,
    status: 'PLANNED',
    startsAt: new Date('2026-04-10T01:00:00Z'),
  });
  const actB = await createActivity(db, {
    pairingId: w.pairingB.id,
    recordingKindergartenId: w.kgB.id,
    createdById: w.directorB.id,
    status: 'DONE',
  });
  return { ...w, actA, actA2, actB };
}

/** Runs `body` (PL/pgSQL) whenever the token's lastUsedAt is written, while `during` runs. */
async function withTouchTrigger(tokenId: string, body: string, during: () => Promise<unknown>) {
  await db.$executeRawUnsafe(
    `CREATE FUNCTION api_touch_trigger() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body}; RETURN NEW; END $$`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER api_touch_trigger BEFORE UPDATE OF "lastUsedAt" ON "PersonalAccessToken" FOR EACH ROW
     WHEN (NEW."id" = '${tokenId.replace(/'/g, "''")}') EXECUTE FUNCTION api_touch_trigger()`,
  );
  try {
    await during();
  } finally {
    await db.$executeRawUnsafe('DROP TRIGGER api_touch_trigger ON "PersonalAccessToken"');
    await db.$executeRawUnsafe('DROP FUNCTION api_touch_trigger()');
  }
}

describe('personal access tokens', () => {
  it('are returned once and stored only as a hash; the owner is audited', async () => {
    const w = await world();
    const { id, token } = await tokenFor(w.countyAdminA);
    const row = await db.personalAccessToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.lastFour).toBe(token.slice(-4));
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: id, action: 'apiToken.created' } });
    expect(JSON.stringify({ ...audit, id: String(audit.id) })).not.toContain(token);
    expect((await call(listKindergartens, '/api/v1/kindergartens', token)).status).toBe(200);
  });

  it('teachers may not create them', async () => {
    const w = await world();
    expect(await issueToken(await actorFor(db, w.teacherA), { name: 'x', expires: '30' }, db)).toEqual({ ok: false, error: 'notAllowed' });
  });

  it('answer 401 JSON when missing, malformed, unknown, revoked, expired or the owner is deactivated or demoted', async () => {
    const w = await world();
    const missing = await call(listKindergartens, '/api/v1/kindergartens', null);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toEqual({ code: 'unauthorized', message: expect.stringContaining('Bearer') });
    expect(missing.headers.get('content-type')).toContain('application/json');
    expect(missing.headers.get('set-cookie')).toBeNull();
    expect((await call(listKindergartens, '/api/v1/kindergartens', 'nonsense')).status).toBe(401);
    expect((await call(listKindergartens, '/api/v1/kindergartens', 'hih_' + 'A'.repeat(43))).status).toBe(401);

    const revoked = await tokenFor(w.directorA);
    expect((await call(listKindergartens, '/api/v1/kindergartens', revoked.token)).status).toBe(200);
    // Someone else cannot revoke it.
    expect(await revokeOwnToken(await actorFor(db, w.directorB), { id: revoked.id }, db)).toEqual({ ok: false, error: 'notFound' });
    expect((await call(listKindergartens, '/api/v1/kindergartens', revoked.token)).status).toBe(200);
    await revokeOwnToken(await actorFor(db, w.directorA), { id: revoked.id }, db);
    const r = await call(listKindergartens, '/api/v1/kindergartens', revoked.token);
    expect(r.status).toBe(401);
    expect(r.body.error.message).toMatch(/revoked/);
    expect(await db.auditEntry.count({ where: { entityId: revoked.id, action: 'apiToken.revoked' } })).toBe(1);

    const expired = await tokenFor(w.directorA);
    await db.personalAccessToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await call(listKindergartens, '/api/v1/kindergartens', expired.token)).body.error.message).toMatch(/expired/);

    const owner = await tokenFor(w.directorA2);
    expect((await call(listKindergartens, '/api/v1/kindergartens', owner.token)).status).toBe(200);
    await db.user.update({ where: { id: w.directorA2.id }, data: { active: false } });
    expect((await call(listKindergartens, '/api/v1/kindergartens', owner.token)).status).toBe(401);
    await db.user.update({ where: { id: w.directorA2.id }, data: { active: true, role: 'TEACHER' } });
    expect((await call(listKindergartens, '/api/v1/kindergartens', owner.token)).status).toBe(401);
  });

  it('follow a change of the owner’s county on the very next request', async () => {
    const w = await world();
    const { token } = await tokenFor(w.countyAdminA);
    expect((await call(getKindergarten, '/api/v1/kindergartens/x', token, w.kgA.id)).status).toBe(200);
    await db.user.update({ where: { id: w.countyAdminA.id }, data: { regionId: w.countyB.id } });
    expect((await call(getKindergarten, '/api/v1/kindergartens/x', token, w.kgA.id)).status).toBe(404);
    expect((await call(getKindergarten, '/api/v1/kindergartens/x', token, w.kgB.id)).status).toBe(200);
  });

  it('record when they were last used', async () => {
    const w = await world();
    const { id, token } = await tokenFor(w.cityAdmin);
    expect((await db.personalAccessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
    await call(listPairings, '/api/v1/pairings', token);
    expect((await db.personalAccessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it('answer 200 when their last use cannot be recorded, and log it', async () => {
    const w = await world();
    const { id, token } = await tokenFor(w.countyAdminA);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    // A real failure of the write, as a busy pool or a lock would give: the database refuses it.
    await withTouchTrigger(id, `RAISE EXCEPTION 'last use refused'`, async () => {
      const res = await call(listActivities, '/api/v1/activities', token);
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('last use refused'));
    }).finally(() => logged.mockRestore());
    expect((await db.personalAccessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toBeNull();
  });

  it('record their last use at most once a minute, once for concurrent requests', async () => {
    const w = await world();
    const { id, token } = await tokenFor(w.countyAdminA);
    const lastUsedAt = async () => (await db.personalAccessToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    // Counts the writes themselves: a rewrite with a later time would be invisible in the value alone.
    const writes = async (during: () => Promise<unknown>) => {
      await db.$executeRawUnsafe('DROP TABLE IF EXISTS api_touch_log');
      await db.$executeRawUnsafe('CREATE TABLE api_touch_log (at timestamptz)');
      try {
        await withTouchTrigger(id, `INSERT INTO api_touch_log VALUES (NEW."lastUsedAt")`, during);
        return Number((await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM api_touch_log'))[0].n);
      } finally {
        await db.$executeRawUnsafe('DROP TABLE api_touch_log');
      }
    };
    const get = () => call(listActivities, '/api/v1/activities', token);

    expect(await writes(() => Promise.all([get(), get(), get(), get()]))).toBe(1);
    const first = await lastUsedAt();
    expect(first).not.toBeNull();
    expect(await writes(() => Promise.all([get(), get()]))).toBe(0);
    expect(await lastUsedAt()).toEqual(first);

    const recent = new Date(Date.now() - 50_000);
    await db.personalAccessToken.update({ where: { id }, data: { lastUsedAt: recent } });
    expect(await writes(get)).toBe(0);
    expect(await lastUsedAt()).toEqual(recent);

    const stale = new Date(Date.now() - 61_000);
    await db.personalAccessToken.update({ where: { id }, data: { lastUsedAt: stale } });
    expect(await writes(() => Promise.all([get(), get(), get()]))).toBe(1);
    expect((await lastUsedAt())!.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
  });
});

describe('API scope', () => {
  it('a county admin never sees another county, in lists or by id', async () => {
    const w = await world();
    const { token } = await tokenFor(w.countyAdminA);
    const kgs = await call(listKindergartens, '/api/v1/kindergartens?pageSize=200', token);
    expect(kgs.status).toBe(200);
    expect(kgs.body.data.length).toBeGreaterThan(0);
    expect(kgs.body.data.every((k: { county: { id: string } }) => k.county.id === w.countyA.id)).toBe(true);
    expect(kgs.body.total).toBe(await db.kindergarten.count({ where: { countyId: w.countyA.id } }));
    // A filter for another county finds nothing rather than widening the scope.
    expect((await call(listKindergartens, `/api/v1/kindergartens?county=${w.countyB.id}`, token)).body.total).toBe(0);

    const pairings = await call(listPairings, '/api/v1/pairings?pageSize=200', token);
    expect(pairings.body.data.map((p: { id: string }) => p.id)).toEqual([w.pairingA.id]);
    const acts = await call(listActivities, '/api/v1/activities?pageSize=200', token);
    expect(acts.body.data.map((a: { id: string }) => a.id).sort()).toEqual([w.actA.id, w.actA2.id].sort());

    const denied = [
      await call(getKindergarten, '', token, w.kgB.id),
      await call(getPairing, '', token, w.pairingB.id),
      await call(getActivity, '', token, w.actB.id),
      await call(getActivity, '', token, 'does-not-exist'),
    ];
    for (const d of denied) expect(d).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'not found' } } });
    expect((await call(getPairing, '', token, w.pairingA.id)).body.data).toMatchObject({
      id: w.pairingA.id,
      supporting: { id: w.kgA.id },
      assisted: { id: w.kgA2.id },
      cycle: { startYear: 2025 },
      startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      goals: expect.any(Object),
    });
  });

  it('a director sees only their own kindergarten and pairings', async () => {
    const w = await world();
    const { token } = await tokenFor(w.directorA2);
    expect((await call(listKindergartens, '/api/v1/kindergartens', token)).body.data.map((k: { id: string }) => k.id)).toEqual([w.kgA2.id]);
    expect((await call(getKindergarten, '', token, w.kgA.id)).status).toBe(404);
    expect((await call(listPairings, '/api/v1/pairings', token)).body.data.map((p: { id: string }) => p.id)).toEqual([w.pairingA.id]);
    expect((await call(getPairing, '', token, w.pairingB.id)).status).toBe(404);
    const one = await call(getActivity, '', token, w.actA.id);
    expect(one.body.data).toMatchObject({
      id: w.actA.id,
      type: 'SENT_DEMONSTRATION',
      status: 'DONE',
      classHours: 2,
      startsAt: '2026-03-05T01:00:00.000Z',
      participants: [],
      donationLines: [],
    });
    expect((await call(getActivity, '', token, w.actB.id)).status).toBe(404);
    expect((await call(listActivities, `/api/v1/activities?pairing=${w.pairingB.id}`, token)).body.total).toBe(0);
  });

  it('the city admin sees every county', async () => {
    const w = await world();
    const { token } = await tokenFor(w.cityAdmin);
    const ids = (await call(listPairings, `/api/v1/pairings?cycle=${w.cycle.id}&pageSize=200`, token)).body;
    expect(ids.total).toBe(await db.pairing.count({ where: { cycleId: w.cycle.id } }));
    const b = await call(listPairings, `/api/v1/pairings?cycle=${w.cycle.id}&county=${w.countyB.id}`, token);
    expect(b.body.data.map((p: { id: string }) => p.id)).toEqual([w.pairingB.id]);
  });
});

describe('API lists', () => {
  it('filter activities and list the newest first', async () => {
    const w = await world();
    const { token } = await tokenFor(w.directorA);
    const base = `/api/v1/activities?pairing=${w.pairingA.id}`;
    expect((await call(listActivities, base, token)).body.data.map((a: { id: string }) => a.id)).toEqual([w.actA2.id, w.actA.id]);
    expect((await call(listActivities, `${base}&status=DONE`, token)).body.data.map((a: { id: string }) => a.id)).toEqual([w.actA.id]);
    expect((await call(listActivities, `${base}&type=SENT_DEMONSTRATION`, token)).body.total).toBe(1);
    expect((await call(listActivities, `${base}&from=2026-04-01`, token)).body.data.map((a: { id: string }) => a.id)).toEqual([w.actA2.id]);
    expect((await call(listActivities, `${base}&to=2026-03-05`, token)).body.data.map((a: { id: string }) => a.id)).toEqual([w.actA.id]);
    expect((await call(listActivities, `${base}&from=2026-03-06&to=2026-04-09`, token)).body.total).toBe(0);
  });

  it('page at the boundaries', async () => {
    const w = await world();
    for (let i = 0; i < 3; i++)
      await createActivity(db, {
        pairingId: w.pairingA.id,
        recordingKindergartenId: w.kgA.id,
        createdById: w.directorA.id,
        startsAt: new Date(Date.UTC(2026, 4, 1 + i)),
      });
    const { token } = await tokenFor(w.directorA2);
    const base = `/api/v1/activities?pairing=${w.pairingA.id}`;
    const all = (await call(listActivities, `${base}&pageSize=200`, token)).body;
    expect(all).toMatchObject({ page: 1, pageSize: 200, total: 5, hasMore: false });
    const pages = [];
    for (let page = 1; page <= 3; page++) pages.push((await call(listActivities, `${base}&pageSize=2&page=${page}`, token)).body);
    expect(pages.map((p) => p.data.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.hasMore)).toEqual([true, true, false]);
    expect(pages.flatMap((p) => p.data.map((a: { id: string }) => a.id))).toEqual(all.data.map((a: { id: string }) => a.id));
    const beyond = (await call(listActivities, `${base}&pageSize=2&page=4`, token)).body;
    expect(beyond).toMatchObject({ data: [], total: 5, hasMore: false });
    expect((await call(listActivities, `${base}&pageSize=5`, token)).body.hasMore).toBe(false);
    expect((await call(listActivities, `${base}&pageSize=4`, token)).body.hasMore).toBe(true);
  });

  it('answer 400 JSON naming the bad parameter', async () => {
    const w = await world();
    const { token } = await tokenFor(w.cityAdmin);
    const cases: [Handler, string, RegExp][] = [
      [listActivities, '/api/v1/activities?pageSize=201', /^pageSize: /],
      [listActivities, '/api/v1/activities?page=0', /^page: /],
      [listActivities, '/api/v1/activities?type=PARTY', /^type: /],
      [listActivities, '/api/v1/activities?from=yesterday', /^from: must be a date/],
      [listActivities, '/api/v1/activities?from=2026-05-01&to=2026-04-01', /^from: from must not be after to/],
      [listPairings, '/api/v1/pairings?sort=name', /^unknown parameter: sort$/],
      [listKindergartens, '/api/v1/kindergartens?area=CITY', /^area: /],
      [getKindergarten, '/api/v1/kindergartens/x?page=2', /^unknown parameter: page$/],
    ];
    for (const [handler, path, message] of cases) {
      const r = await call(handler, path, token, w.kgA.id);
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
      expect(r.body.error.message, path).toMatch(message);
    }
  });

  it('limit each token per minute', async () => {
    const w = await world();
    const { id, token } = await tokenFor(w.cityAdmin);
    const windowStart = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    await db.apiRateWindow.createMany({
      data: [
        { tokenId: id, windowStart, count: 600 },
        { tokenId: id, windowStart: new Date(windowStart.getTime() + 60_000), count: 600 },
      ],
    });
    const r = await call(listPairings, '/api/v1/pairings', token);
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('rate_limited');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/pairings/{id}/effect-tests', () => {
  it("returns the pairing's effect tests for a semester, computed like the dashboards", async () => {
    const w = await world();
    // Sent to the assisted side, 1.5 class hours; the world's 2-hour activity is "joint" and does not count for S2.
    await createActivity(db, {
      pairingId: w.pairingA.id,
      recordingKindergartenId: w.kgA.id,
      createdById: w.directorA.id,
      status: 'DONE',
      type: 'SENT_DEMONSTRATION',
      direction: 'TO_ASSISTED',
      classHours: 1.5,
      startsAt: new Date('2026-04-20T02:00:00Z'),
    });
    const { token } = await tokenFor(w.countyAdminA);
    const r = await call(
      getEffectTests,
      `/api/v1/pairings/${w.pairingA.id}/effect-tests?academicYear=2025&term=SPRING`,
      token,
      w.pairingA.id,
    );
    expect(r.status).toBe(200);
    expect(r.body.data.period.semester).toMatchObject({ academicYear: 2025, term: 'SPRING', startsOn: '2026-02-01', endsOn: '2026-07-31' });
    expect(r.body.data.results.map((x: { test: string }) => x.test)).toEqual([
      'S1',
      'S2',
      'S3',
      'S4',
      'S5',
      'A1',
      'A2',
      'A3',
      'A4',
      'A5',
      'A6',
    ]);
    const s2 = r.body.data.results.find((x: { test: string }) => x.test === 'S2');
    expect(s2.figure).toMatchObject({ kind: 'hours', have: 1.5, need: 10, unconfirmed: 1 });
  });

  it("answers 404 outside the token owner's scope and 400 for a period that is not the cycle's", async () => {
    const w = await world();
    const other = await tokenFor(w.countyAdminB);
    expect((await call(getEffectTests, `/api/v1/pairings/${w.pairingA.id}/effect-tests`, other.token, w.pairingA.id)).status).toBe(404);
    const own = await tokenFor(w.countyAdminA);
    const half = await call(getEffectTests, `/api/v1/pairings/${w.pairingA.id}/effect-tests?term=SPRING`, own.token, w.pairingA.id);
    expect(half.status).toBe(400);
    const elsewhere = await call(
      getEffectTests,
      `/api/v1/pairings/${w.pairingA.id}/effect-tests?academicYear=2031&term=AUTUMN`,
      own.token,
      w.pairingA.id,
    );
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.error.message).toContain('academicYear');
  });
});
