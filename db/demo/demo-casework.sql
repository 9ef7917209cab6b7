-- Demo casework for the demo caseworker's organization: pseudonymous clients (invented aliases), a
-- patchwork of placements with a move, one placement ending soon, waitlists, and past bed requests
-- (some unmet, some after hours) with a refusal at the door. Dates are relative to the day it loads.
INSERT INTO clients (organization_id, alias, birth_year, gender, needs, consent_to_share, created_by, created_at, updated_at)
SELECT o.id, c.alias, c.birth_year, c.gender, c.needs, FALSE, u.id, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
  FROM (
    SELECT 'RB-1987' AS alias, 2005 AS birth_year, 'WOMAN' AS gender,
           '{"gender":"WOMAN","age":21,"children":0,"traffickingSpecialized":true,"language":"en"}' AS needs
    UNION ALL SELECT 'Jay-22', 1999, 'TRANS_WOMAN', '{"gender":"TRANS_WOMAN","age":27,"pets":true}'
    UNION ALL SELECT 'MK-fam', 1990, 'WOMAN', '{"gender":"WOMAN","age":36,"children":2}'
    UNION ALL SELECT 'Sky', 2008, 'TWO_SPIRIT', '{"gender":"TWO_SPIRIT","age":18,"culturallySpecific":"INDIGENOUS"}'
    UNION ALL SELECT 'T-44', 1985, 'WOMAN', '{"gender":"WOMAN","age":41,"substanceUse":true}'
  ) c
  JOIN organizations o ON o.name = 'Street Outreach Toronto'
  JOIN users u ON u.username = 'caseworker';

-- RB-1987: two weeks of hotel nights, moved when the funding ended, now in a DV bed ending in two days.
INSERT INTO placements (client_id, program_id, organization_id, start_date, expected_end_date, end_date, end_reason,
                        move_reason, status, nightly_cost, created_by, created_at, ended_at)
SELECT c.id, p.id, c.organization_id, CURDATE() - INTERVAL 20 DAY, CURDATE() - INTERVAL 6 DAY, CURDATE() - INTERVAL 6 DAY,
       'MOVED', 'FUNDING_ENDED', 'ENDED', p.nightly_cost, c.created_by, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
  FROM clients c JOIN programs p ON p.name = 'Women''s hotel rooms' WHERE c.alias = 'RB-1987';
INSERT INTO placements (client_id, program_id, organization_id, moved_from_id, start_date, expected_end_date, status,
                        nightly_cost, created_by, created_at)
SELECT c.id, p.id, c.organization_id, prev.id, CURDATE() - INTERVAL 6 DAY, CURDATE() + INTERVAL 2 DAY, 'ACTIVE',
       NULL, c.created_by, UTC_TIMESTAMP(6)
  FROM clients c JOIN programs p ON p.name = 'Women''s emergency beds'
  JOIN placements prev ON prev.client_id = c.id AND prev.status = 'ENDED'
 WHERE c.alias = 'RB-1987';

-- Jay-22: a short stay that ended, a week on the street, then a new episode.
INSERT INTO placements (client_id, program_id, organization_id, start_date, expected_end_date, end_date, end_reason,
                        status, nightly_cost, created_by, created_at, ended_at)
SELECT c.id, p.id, c.organization_id, CURDATE() - INTERVAL 30 DAY, NULL, CURDATE() - INTERVAL 26 DAY, 'LEFT',
       'ENDED', NULL, c.created_by, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
  FROM clients c JOIN programs p ON p.name = 'Mixed adult emergency beds' WHERE c.alias = 'Jay-22';
INSERT INTO placements (client_id, program_id, organization_id, start_date, expected_end_date, status, nightly_cost,
                        created_by, created_at)
SELECT c.id, p.id, c.organization_id, CURDATE() - INTERVAL 19 DAY, CURDATE() + INTERVAL 9 DAY, 'ACTIVE', p.nightly_cost,
       c.created_by, UTC_TIMESTAMP(6)
  FROM clients c JOIN programs p ON p.name = 'Hotel overflow rooms' WHERE c.alias = 'Jay-22';

-- Waiting for detox and for a youth bed.
INSERT INTO waitlist_entries (client_id, organization_id, program_id, type, region_code, priority, status, created_at)
SELECT c.id, c.organization_id, NULL, 'DETOX', 'ON-CENTRAL-EAST', 1, 'WAITING', UTC_TIMESTAMP(6) - INTERVAL 3 DAY
  FROM clients c WHERE c.alias = 'T-44';
INSERT INTO waitlist_entries (client_id, organization_id, program_id, type, region_code, priority, status, created_at)
SELECT c.id, c.organization_id, p.id, NULL, NULL, 2, 'WAITING', UTC_TIMESTAMP(6) - INTERVAL 1 DAY
  FROM clients c JOIN programs p ON p.name = 'Youth beds' WHERE c.alias = 'Sky';

-- Past searches: met and unmet, in office hours and at night.
-- Ids from id_blocks (V32), which then moves past them.
INSERT INTO bed_requests (id, organization_id, user_id, client_id, region_code, types, needs, admit_now, match_count, unmet, created_at)
SELECT b.next_id + ROW_NUMBER() OVER (ORDER BY r.hours_ago DESC) - 1,
       u.organization_id, u.id, NULL, r.region_code, r.types, r.needs, r.admit_now, r.match_count, r.unmet,
       UTC_TIMESTAMP(6) - INTERVAL r.hours_ago HOUR
  FROM (
    SELECT 'ON-CENTRAL' AS region_code, 'DV_SHELTER,HOTEL_MOTEL' AS types, '{"gender":"WOMAN","age":21}' AS needs,
           TRUE AS admit_now, 3 AS match_count, FALSE AS unmet, 150 AS hours_ago
    UNION ALL SELECT 'ON-NORTHWEST', 'DV_SHELTER', '{"gender":"WOMAN","age":30,"children":2}', TRUE, 0, TRUE, 98
    UNION ALL SELECT 'ON-CENTRAL-EAST', 'DETOX', '{"gender":"WOMAN","age":41,"substanceUse":true}', TRUE, 0, TRUE, 75
    UNION ALL SELECT 'BC-NORTH', 'EMERGENCY_SHELTER', '{"gender":"TRANS_WOMAN","age":27,"pets":true}', FALSE, 1, FALSE, 30
    UNION ALL SELECT 'AB-NORTH', 'DV_SHELTER', '{"gender":"TWO_SPIRIT","age":18}', TRUE, 0, TRUE, 7
  ) r
  JOIN users u ON u.username = 'caseworker'
  JOIN id_blocks b ON b.name = 'bed_requests';
UPDATE id_blocks SET next_id = GREATEST(next_id, (SELECT MAX(id) + 1 FROM bed_requests)) WHERE name = 'bed_requests';

INSERT INTO bed_request_outcomes (bed_request_id, program_id, outcome, recorded_by, recorded_at)
SELECT b.id, p.id, 'REFUSED_AT_DOOR', b.user_id, b.created_at + INTERVAL 2 HOUR
  FROM bed_requests b JOIN programs p ON p.name = 'Family units'
 WHERE b.region_code = 'ON-CENTRAL' LIMIT 1;
