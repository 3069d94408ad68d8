// Builds the city-scale bench data with set-based SQL (INSERT … SELECT generate_series), secondary
// indexes dropped during the load and recreated afterwards, then ANALYZE. Row counts scale with --scale.
import pg from 'pg';

/** Bench users sign in through the real /login flow with this password. */
export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_CITY_ADMIN = 'city@bench.handinhand.local';
export const BENCH_COUNTY_ADMIN = 'county@bench.handinhand.local';

const BIG_TABLES = [
  'Kindergarten',
  'User',
  'Pairing',
  'Activity',
  'LessonRecord',
  'Paper',
  'Programme',
  'ProgrammeRecord',
  'AnnualPlan',
  'ActivityMonthStat',
  'TeacherYearRating',
];

export function targetCounts(scale) {
  const n = (x, min = 1) => Math.max(min, Math.round(x * scale));
  const counties = 25;
  const kindergartens = n(5000, counties * 5);
  return {
    counties,
    kindergartens,
    pairingsPerCycle: Math.min(n(2500, counties * 2), Math.floor(kindergartens * 0.5)),
    teachers: n(100_000, kindergartens),
    activities: n(1_000_000, 100),
    lessons: n(500_000, 100),
    papers: n(20_000, 10),
  };
}

/** Academic year (the calendar year it starts in) of a date: it turns on 1 September. */
function academicYearOf(d) {
  return d.getUTCMonth() >= 8 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

export function benchCycles(today = new Date()) {
  const ay = academicYearOf(today);
  // Today lies in the current cycle's second academic year, so both of its years hold data.
  const current = ay - 1;
  return { current, past: current - 2 };
}

async function step(client, label, sql, params = []) {
  const t0 = performance.now();
  const res = await client.query(sql, params);
  console.log(`  ${label.padEnd(34)} ${String(res.rowCount ?? '').padStart(9)} rows  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return res;
}

export async function readMarker(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('bench_marker') IS NOT NULL AS ok`);
    if (!exists.rows[0].ok) return null;
    const row = await client.query('SELECT scale, counts, built_at, build_seconds FROM bench_marker LIMIT 1');
    return row.rows[0] ?? null;
  } finally {
    await client.end();
  }
}

export async function buildData(url, { scale, passwordHash, today = new Date() }) {
  const c = targetCounts(scale);
  const { current, past } = benchCycles(today);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = performance.now();
  try {
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '256MB'; SET work_mem = '64MB'`);
    // Foreign keys and the user/audit triggers are not needed while we write consistent data ourselves.
    await client.query(`SET session_replication_role = replica`);
    await client.query('SELECT setseed(0.42)');
    await client.query('DROP TABLE IF EXISTS bench_marker');
    await step(
      client,
      'truncate',
      `TRUNCATE ${['AuditEntry', 'UserSession', 'PersonalAccessToken', 'ApiRateWindow', 'EvidenceFile', 'ActivityParticipant', 'DonationLine', 'MentorSession', 'MentorPair', 'AssistanceRequest', 'ImportBatch', 'PairingMember', 'CitySetting', 'Semester', 'Cycle', 'Region', ...BIG_TABLES].map((t) => `"${t}"`).join(', ')} CASCADE`,
    );

    const saved = await client.query(
      `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1) AND indexname NOT LIKE '%\\_pkey'`,
      [BIG_TABLES],
    );
    for (const ix of saved.rows) await client.query(`DROP INDEX "${ix.indexname}"`);
    console.log(`  dropped ${saved.rowCount} secondary indexes for the load`);

    await step(
      client,
      'regions',
      `
      INSERT INTO "Region" (id, code, name, "nameEn", kind, "parentId", "timeZone")
      VALUES ('bench-city', 'B00', '基准市', 'Bench City', 'CITY'::"RegionKind", NULL, 'Asia/Shanghai')
      UNION ALL
      SELECT 'bench-county-' || lpad(g::text, 2, '0'), 'B' || lpad(g::text, 2, '0'), '基准' || g || '区', 'Bench county ' || g, 'COUNTY'::"RegionKind", 'bench-city', 'Asia/Shanghai'
      FROM generate_series(1, $1::int) g`,
      [c.counties],
    );
    await client.query(`INSERT INTO "CitySetting" ("cityId", "maxAssistedPerSupporter", "updatedAt") VALUES ('bench-city', 2, now())`);

    await step(
      client,
      'cycles and semesters',
      `
      WITH cy AS (
        INSERT INTO "Cycle" (id, "startYear", name) VALUES
          ('bench-cycle-current', $1::int, $1::int || '–' || ($1::int + 2) || ' 周期'),
          ('bench-cycle-past', $2::int, $2::int || '–' || ($2::int + 2) || ' 周期')
        RETURNING id, "startYear")
      INSERT INTO "Semester" (id, "cycleId", "academicYear", term, "startsOn", "endsOn")
      SELECT cy.id || '-' || ay || '-' || t, cy.id, ay, t::"Term",
             CASE t WHEN 'AUTUMN' THEN make_date(ay, 9, 1) ELSE make_date(ay + 1, 2, 1) END,
             CASE t WHEN 'AUTUMN' THEN make_date(ay + 1, 1, 31) ELSE make_date(ay + 1, 7, 31) END
      FROM cy, LATERAL (VALUES (cy."startYear"), (cy."startYear" + 1)) y(ay), unnest(ARRAY['AUTUMN', 'SPRING']) t`,
      [current, past],
    );

    // Kindergarten k lies in county k % counties; two in five are urban demonstration kindergartens.
    await step(
      client,
      'kindergartens',
      `
      INSERT INTO "Kindergarten" (id, code, name, "countyId", area, level, address, "classCount", "childCount", "teacherCount", "staffCount", "updatedAt")
      SELECT 'bench-kg-' || lpad(k::text, 6, '0'), 'BK' || lpad(k::text, 6, '0'),
             CASE WHEN urban THEN '基准实验幼儿园' ELSE '基准乡镇中心幼儿园' END || k,
             'bench-county-' || lpad((k % $2::int + 1)::text, 2, '0'),
             CASE WHEN urban THEN 'URBAN' ELSE 'RURAL' END::"AreaType",
             CASE WHEN NOT urban THEN 'NONE' WHEN k % 10 = 0 THEN 'PROVINCIAL' WHEN k % 10 < 5 THEN 'MUNICIPAL' ELSE 'COUNTY' END::"DemoLevel",
             '基准路 ' || k || ' 号', 6 + k % 10, 150 + k % 250, 20, 30, now()
      FROM generate_series(0, $1::int - 1) k, LATERAL (SELECT (k / $2::int) % 5 < 2 AS urban) u`,
      [c.kindergartens, c.counties],
    );

    await step(
      client,
      'directors and teachers',
      `
      INSERT INTO "User" (id, name, email, "passwordHash", role, "kindergartenId", "updatedAt")
      SELECT 'bench-dir-' || lpad(k::text, 6, '0'), '园长' || k, 'director' || k || '@bench.handinhand.local', 'bench-no-login', 'DIRECTOR'::"Role", 'bench-kg-' || lpad(k::text, 6, '0'), now()
      FROM generate_series(0, $1::int - 1) k
      UNION ALL
      SELECT 'bench-t-' || lpad(t::text, 7, '0'), '教师' || t, NULL, 'bench-no-login', 'TEACHER'::"Role", 'bench-kg-' || lpad((t % $1::int)::text, 6, '0'), now()
      FROM generate_series(0, $2::int - 1) t`,
      [c.kindergartens, c.teachers],
    );
    await step(
      client,
      'bench admins',
      `
      INSERT INTO "User" (id, name, email, "passwordHash", role, "regionId", "updatedAt") VALUES
        ('bench-city-admin', '基准市管理员', $1, $3, 'CITY_ADMIN', 'bench-city', now()),
        ('bench-county-admin', '基准一区管理员', $2, $3, 'COUNTY_ADMIN', 'bench-county-01', now())`,
      [BENCH_CITY_ADMIN, BENCH_COUNTY_ADMIN, passwordHash],
    );

    // Per county: the r-th rural kindergarten is assisted by the (r mod urban count)-th urban one.
    await client.query(`CREATE TEMP TABLE bench_kg_rank AS
      SELECT id, "countyId", area, row_number() OVER (PARTITION BY "countyId", area ORDER BY id) - 1 AS r,
             count(*) OVER (PARTITION BY "countyId", area) AS n
      FROM "Kindergarten"`);
    await step(
      client,
      'pairings (both cycles)',
      `
      INSERT INTO "Pairing" (id, "cycleId", "supportingId", "assistedId", "startsOn", "goalConditions", "goalManagement", "goalTeachers", "goalChildren", "previousId", "updatedAt")
      SELECT 'bench-p-' || cy.tag || '-' || a.id, cy.id, s.id, a.id, cy.starts, '改善办园条件', '提升管理水平', '培养骨干教师', '促进幼儿发展',
             CASE WHEN cy.tag = 'cur' THEN 'bench-p-past-' || a.id END, now()
      FROM (SELECT *, row_number() OVER (ORDER BY r, "countyId") AS g FROM bench_kg_rank WHERE area = 'RURAL') a
      JOIN bench_kg_rank s ON s."countyId" = a."countyId" AND s.area = 'URBAN' AND s.r = a.r % s.n
      CROSS JOIN (VALUES ('bench-cycle-current', 'cur', make_date($2::int, 9, 1)), ('bench-cycle-past', 'past', make_date($3::int, 9, 1))) cy(id, tag, starts)
      WHERE a.g <= $1::int`,
      [c.pairingsPerCycle, current, past],
    );
    await client.query(
      `CREATE TEMP TABLE bench_pairing AS
      SELECT row_number() OVER (ORDER BY p.id) - 1 AS i, p.id, p."cycleId", p."supportingId", p."assistedId",
             CASE WHEN p."cycleId" = 'bench-cycle-current' THEN make_date($1::int, 9, 1) ELSE make_date($2::int, 9, 1) END AS from_day,
             CASE WHEN p."cycleId" = 'bench-cycle-current' THEN LEAST(make_date($1::int + 2, 7, 31), current_date + 60) ELSE make_date($2::int + 2, 7, 31) END AS to_day
      FROM "Pairing" p`,
      [current, past],
    );
    await client.query('CREATE UNIQUE INDEX ON bench_pairing (i); ANALYZE bench_pairing');
    const np = (await client.query('SELECT count(*)::int AS n FROM bench_pairing')).rows[0].n;

    await step(
      client,
      'pairing leaders',
      `
      INSERT INTO "PairingMember" ("pairingId", "userId", role)
      SELECT id, 'bench-dir-' || substr("supportingId", 10), 'LEADER'::"PairingMemberRole" FROM bench_pairing
      UNION ALL SELECT id, 'bench-dir-' || substr("assistedId", 10), 'MEMBER'::"PairingMemberRole" FROM bench_pairing`,
    );

    // Activity types by weight; teaching types carry class hours; dates spread over each pairing's cycle.
    await step(
      client,
      'activities',
      `
      WITH types(type, w, dir, area, hours) AS (VALUES
        ('DAILY_OBSERVATION', 18, 'TO_ASSISTED', 'MANAGEMENT', false), ('SENT_DEMONSTRATION', 16, 'TO_ASSISTED', 'TEACHERS', true),
        ('SENT_LECTURE', 10, 'TO_ASSISTED', 'TEACHERS', true), ('SENT_RESEARCH', 8, 'TO_ASSISTED', 'TEACHERS', true),
        ('SPECIAL_LECTURE', 8, 'TO_ASSISTED', 'TEACHERS', true), ('TEACHING_OBSERVATION', 6, 'TO_SUPPORTING', 'TEACHERS', true),
        ('TRAINING', 6, 'JOINT', 'TEACHERS', true), ('FOLLOW_UP_STUDY', 6, 'TO_SUPPORTING', 'TEACHERS', false),
        ('RESOURCE_SHARING', 5, 'TO_ASSISTED', 'TEACHERS', false), ('MENTORING', 4, 'JOINT', 'TEACHERS', false),
        ('PARENT_ACTIVITY', 3, 'JOINT', 'CHILDREN', false), ('CHILDREN_EXCHANGE', 3, 'JOINT', 'CHILDREN', false),
        ('POST_EXCHANGE', 2, 'JOINT', 'MANAGEMENT', false), ('DONATION', 2, 'TO_ASSISTED', 'CONDITIONS', false),
        ('COMPETITION', 1, 'JOINT', 'TEACHERS', false), ('FELLOWSHIP', 2, 'JOINT', 'CONDITIONS', false)),
      cum AS (SELECT *, sum(w) OVER (ORDER BY type) - w AS lo, sum(w) OVER (ORDER BY type) AS hi, sum(w) OVER () AS total FROM types),
      g AS (
        SELECT g, p.*, random() AS rt, random() AS rs, random() AS rc, random() AS rr, random() AS rh, random() AS rd, random() AS rf
        FROM generate_series(0, $1::int - 1) g
        JOIN bench_pairing p ON p.i = g % $2::int),
      d AS (
        SELECT g.*, t.type, t.dir, t.area, t.hours,
               (g.from_day + (rd * (g.to_day - g.from_day))::int)::timestamp + make_interval(hours => 1 + (g % 8)) AS starts
        FROM g JOIN cum t ON rt * t.total >= t.lo AND rt * t.total < t.hi)
      INSERT INTO "Activity" (id, "pairingId", type, direction, "targetArea", title, "startsAt", "endsAt", location, "classHours",
        plan, measures, record, summary, status, "recordingKindergartenId", confirmation, "confirmedById", "confirmedAt", "createdById", "createdAt", "updatedAt")
      SELECT 'bench-a-' || lpad(g::text, 8, '0'), id, type::"ActivityType", dir::"ActivityDirection", area::"TargetArea",
             type || ' #' || g, starts, starts + interval '2 hours', '基准园',
             CASE WHEN hours THEN (1 + floor(rh * 6)) * 0.5 END,
             '计划', CASE WHEN rf < 0.9 THEN '措施' ELSE '' END,
             CASE WHEN status = 'DONE' AND rf < 0.8 THEN '记录' ELSE '' END, CASE WHEN status = 'DONE' AND rf < 0.7 THEN '总结' ELSE '' END,
             status::"ActivityStatus", recorder,
             conf::"ConfirmationStatus", CASE WHEN conf <> 'PENDING' THEN 'bench-dir-' || substr(other, 10) END,
             CASE WHEN conf <> 'PENDING' THEN starts + interval '3 days' END,
             'bench-dir-' || substr(recorder, 10), starts - interval '7 days', starts
      FROM (
        SELECT d.*,
               CASE WHEN starts > now() THEN 'PLANNED' WHEN rs < 0.86 THEN 'DONE' WHEN rs < 0.93 THEN 'CANCELLED' ELSE 'PLANNED' END AS status,
               CASE WHEN rr < 0.75 THEN "supportingId" ELSE "assistedId" END AS recorder,
               CASE WHEN rr < 0.75 THEN "assistedId" ELSE "supportingId" END AS other
        FROM d) x
      CROSS JOIN LATERAL (SELECT CASE WHEN status <> 'DONE' THEN 'PENDING' WHEN rc < 0.7 THEN 'CONFIRMED' WHEN rc < 0.95 THEN 'PENDING' ELSE 'DISPUTED' END AS conf) cf`,
      [c.activities, np],
    );

    await step(
      client,
      'lesson records',
      `
      INSERT INTO "LessonRecord" (id, "teacherId", "kindergartenId", "heldOn", "className", domain, title, plan, reflection, rating, "evaluatedById", "evaluatedAt", "updatedAt")
      SELECT 'bench-l-' || lpad(g::text, 8, '0'), 'bench-t-' || lpad(t::text, 7, '0'), 'bench-kg-' || lpad(k::text, 6, '0'), held,
             '大' || (1 + g % 4) || '班', (ARRAY['HEALTH','LANGUAGE','SOCIAL','SCIENCE','ART'])[1 + g % 5]::"LessonDomain", '公开课 ' || g, '教案', '反思',
             CASE WHEN rated THEN (CASE WHEN r < 0.27 THEN 'EXCELLENT' WHEN r < 0.67 THEN 'GOOD' WHEN r < 0.96 THEN 'PASS' ELSE 'FAIL' END)::"LessonRating" END,
             CASE WHEN rated THEN 'bench-dir-' || lpad(k::text, 6, '0') END, CASE WHEN rated THEN held + interval '2 days' END, now()
      FROM (SELECT g, t, t % $2::int AS k, random() AS r, random() < 0.75 AS rated,
                   make_date($4::int, 9, 1) + floor(random() * (LEAST(current_date, make_date($4::int + 4, 7, 31)) - make_date($4::int, 9, 1)))::int AS held
            FROM generate_series(0, $1::int - 1) g, LATERAL (SELECT ((g::bigint * 7919) % $3::int)::int AS t) tt) s`,
      [c.lessons, c.kindergartens, c.teachers, past],
    );

    await step(
      client,
      'papers',
      `
      INSERT INTO "Paper" (id, "authorId", "kindergartenId", title, venue, kind, level, date, "confirmedById", "confirmedAt", "updatedAt")
      SELECT 'bench-pp-' || lpad(g::text, 7, '0'), 'bench-t-' || lpad(t::text, 7, '0'), 'bench-kg-' || lpad((t % $2::int)::text, 6, '0'),
             '论文 ' || g, '学前教育研究', (CASE WHEN g % 3 = 0 THEN 'AWARD' ELSE 'PUBLISHED' END)::"PaperKind",
             (ARRAY['COUNTY','MUNICIPAL','MUNICIPAL','PROVINCIAL','NATIONAL'])[1 + g % 5]::"PaperLevel",
             make_date($4::int, 9, 1) + (random() * (current_date - make_date($4::int, 9, 1)))::int,
             CASE WHEN g % 5 <> 0 THEN 'bench-dir-' || lpad((t % $2::int)::text, 6, '0') END, CASE WHEN g % 5 <> 0 THEN now() END, now()
      FROM generate_series(0, $1::int - 1) g, LATERAL (SELECT ((g::bigint * 104729) % $3::int)::int AS t) tt`,
      [c.papers, c.kindergartens, c.teachers, past],
    );

    await step(
      client,
      'programmes',
      `
      INSERT INTO "Programme" (id, "pairingId", "kindergartenId", kind, "academicYear", title, plan, results, "createdById", "updatedAt")
      SELECT p.id || '-' || k || '-' || ay, p.id, p."assistedId", k::"ProgrammeKind", ay, k || ' ' || ay, '方案', CASE WHEN random() < 0.6 THEN '成果' ELSE '' END,
             'bench-dir-' || substr(p."assistedId", 10), now()
      FROM bench_pairing p, unnest(ARRAY['RESEARCH','PARENT_WORK','CHARACTERISTIC']) k,
           LATERAL (VALUES (extract(year FROM p.from_day)::int), (extract(year FROM p.from_day)::int + 1)) y(ay)
      WHERE random() < 0.85`,
    );
    await step(
      client,
      'programme records',
      `
      INSERT INTO "ProgrammeRecord" (id, "programmeId", "heldOn", title, "createdById")
      SELECT pr.id || '-r' || n, pr.id, make_date(pr."academicYear", 9, 15) + n * 30, '第' || n || '次', pr."createdById"
      FROM "Programme" pr, generate_series(1, 6) n WHERE random() < 0.8`,
    );
    await step(
      client,
      'annual plans',
      `
      INSERT INTO "AnnualPlan" (id, "pairingId", "academicYear", content, goals, methods, steps, personnel, measures, summary, "planSubmittedAt", "summarySubmittedAt", "planStatus", "summaryStatus", "updatedById", "updatedAt")
      SELECT p.id || '-' || ay, p.id, ay, '内容', '目标', '方法', '步骤', '人员', '措施', CASE WHEN ay < $1::int + 1 THEN '总结' ELSE '' END,
             make_date(ay, 9, 20), CASE WHEN ay < $1::int + 1 THEN make_date(ay + 1, 8, 20) END,
             'FILED'::"AnnualReportStatus", CASE WHEN ay < $1::int + 1 THEN 'SUBMITTED' ELSE 'DRAFT' END::"AnnualReportStatus", 'bench-dir-' || substr(p."supportingId", 10), now()
      FROM bench_pairing p, LATERAL (VALUES (extract(year FROM p.from_day)::int), (extract(year FROM p.from_day)::int + 1)) y(ay)
      WHERE make_date(ay, 9, 1) <= current_date`,
      [current],
    );

    await client.query('SET session_replication_role = origin');
    const ti = performance.now();
    for (const ix of saved.rows) await client.query(ix.indexdef);
    console.log(`  recreated ${saved.rowCount} indexes`.padEnd(36) + `           ${((performance.now() - ti) / 1000).toFixed(1)} s`);
    // The rollups' triggers were off during the load (replica role): rebuild them as a whole.
    await step(client, 'rollup: activity months', 'SELECT effect_rebuild_activity_months()');
    await step(client, 'rollup: teacher ratings', 'SELECT effect_rebuild_teacher_ratings()');
    await step(client, 'analyze', 'ANALYZE');

    const counts = (
      await client.query(`SELECT
      (SELECT count(*) FROM "Kindergarten")::int AS kindergartens, (SELECT count(*) FROM "Pairing")::int AS pairings,
      (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "Activity")::int AS activities,
      (SELECT count(*) FROM "LessonRecord")::int AS lessons`)
    ).rows[0];
    const seconds = (performance.now() - t0) / 1000;
    await client.query(
      `CREATE TABLE bench_marker (scale float8 NOT NULL, counts jsonb NOT NULL, built_at timestamptz NOT NULL DEFAULT now(), build_seconds float8 NOT NULL)`,
    );
    await client.query('INSERT INTO bench_marker (scale, counts, build_seconds) VALUES ($1, $2, $3)', [scale, counts, seconds]);
    return { counts, seconds };
  } finally {
    await client.end();
  }
}
