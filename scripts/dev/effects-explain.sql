-- Synthetic city-scale data for EXPLAIN ANALYZE of the effect-test aggregates (run against an empty,
-- migrated scratch database, never the demo one): 5,000 kindergartens, 2,500 pairings, 1,000,000 activities.
INSERT INTO "Region"(id, code, name, kind) VALUES ('city','C','City','CITY');
INSERT INTO "Region"(id, code, name, kind, "parentId") SELECT 'c'||i, 'C'||i, 'County '||i, 'COUNTY', 'city' FROM generate_series(1,10) i;
INSERT INTO "Kindergarten"(id, code, name, "countyId", area, "updatedAt") SELECT 'k'||i, 'K'||i, 'KG '||i, 'c'||(1+i%10), CASE WHEN i<=2500 THEN 'URBAN' ELSE 'RURAL' END::"AreaType", now() FROM generate_series(1,5000) i;
INSERT INTO "User"(id, name, email, "passwordHash", role, "kindergartenId", "updatedAt") SELECT 'u'||i, 'T'||i, 'u'||i||'@x', 'x', 'TEACHER', 'k'||(1+i%5000), now() FROM generate_series(1,40000) i;
INSERT INTO "Cycle"(id, "startYear", name) VALUES ('cy', 2025, '2025');
INSERT INTO "Semester"(id, "cycleId", "academicYear", term, "startsOn", "endsOn") VALUES
 ('s1','cy',2025,'AUTUMN','2025-09-01','2026-01-31'), ('s2','cy',2025,'SPRING','2026-02-01','2026-07-31'),
 ('s3','cy',2026,'AUTUMN','2026-09-01','2027-01-31'), ('s4','cy',2026,'SPRING','2027-02-01','2027-07-31');
INSERT INTO "Pairing"(id, "cycleId", "supportingId", "assistedId", "startsOn", "updatedAt") SELECT 'p'||i, 'cy', 'k'||i, 'k'||(2500+i), '2025-09-01', now() FROM generate_series(1,2500) i;
INSERT INTO "Activity"(id, "pairingId", type, direction, "targetArea", title, "startsAt", "classHours", plan, measures, record, summary, status, "recordingKindergartenId", confirmation, "createdById", "updatedAt")
SELECT 'a'||i, 'p'||(1+i%2500),
  (ARRAY['SENT_DEMONSTRATION','SENT_LECTURE','SENT_RESEARCH','SPECIAL_LECTURE','DAILY_OBSERVATION','FOLLOW_UP_STUDY','FELLOWSHIP','TRAINING'])[1+(i/2500)%8]::"ActivityType",
  CASE WHEN (i/2500)%8=5 THEN 'TO_SUPPORTING' ELSE 'TO_ASSISTED' END::"ActivityDirection", 'TEACHERS', 't',
  timestamptz '2025-09-01 00:00+08' + ((i::bigint*7919)%(700*24)) * interval '1 hour', 2, 'p','m','r', CASE WHEN i%5=0 THEN '' ELSE 's' END,
  (ARRAY['DONE','DONE','DONE','PLANNED','CANCELLED'])[1+i%5]::"ActivityStatus", 'k1',
  (ARRAY['CONFIRMED','CONFIRMED','PENDING','DISPUTED'])[1+(i/7)%4]::"ConfirmationStatus", 'u1', now()
FROM generate_series(1,1000000) i;
INSERT INTO "LessonRecord"(id, "teacherId", "kindergartenId", "heldOn", "className", domain, title, rating, "updatedAt")
SELECT 'l'||i, 'u'||(1+i%40000), 'k'||(1+(1+i%40000)%5000), date '2025-09-01' + (i%600), 'c', 'ART', 't',
  (ARRAY['EXCELLENT','GOOD','PASS','FAIL',NULL])[1+i%5]::"LessonRating", now() FROM generate_series(1,500000) i;
ANALYZE;
