-- Demo network for the embedded default: fictional facilities across Ontario, BC and Alberta.
-- Loaded only into an empty database when HARBOUR_DEMO is on. Names, phones and addresses are invented.
INSERT INTO organizations (name) VALUES
    ('Harbour Society'), ('Northern Lights Women''s Services'), ('Prairie Youth Network'),
    ('Coast Safe Housing'), ('Metro Recovery Services'), ('Street Outreach Toronto'), ('Ontario Housing Fund');

INSERT INTO facilities (name, organization_id, region_code, municipality, time_zone, address, confidential,
                        intake_phone, intake_always_open, intake_weekly, created_at, updated_at)
SELECT f.name, o.id, f.region_code, f.municipality, f.time_zone, f.address, f.confidential, f.intake_phone,
       f.always_open, f.weekly, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
  FROM (
    SELECT 'Harbour House' AS name, 'Harbour Society' AS org, 'ON-CENTRAL' AS region_code, 'Toronto' AS municipality,
           'America/Toronto' AS time_zone, '12 Example St' AS address, TRUE AS confidential,
           '+1-416-555-0100' AS intake_phone, TRUE AS always_open, NULL AS weekly
    UNION ALL SELECT 'Queen West Emergency Shelter', 'Street Outreach Toronto', 'ON-CENTRAL', 'Toronto', 'America/Toronto',
           '480 Queen St W', FALSE, '+1-416-555-0110', TRUE, NULL
    UNION ALL SELECT 'Lakeshore Hotel Program', 'Harbour Society', 'ON-CENTRAL', 'Toronto', 'America/Toronto',
           '2 Lakeshore Blvd', FALSE, '+1-416-555-0120', TRUE, NULL
    UNION ALL SELECT 'Peel Family Shelter', 'Harbour Society', 'ON-CENTRAL-WEST', 'Mississauga', 'America/Toronto',
           '77 Hurontario St', FALSE, '+1-905-555-0130', FALSE,
           '[{"day":"MONDAY","open":"09:00","close":"17:00"},{"day":"TUESDAY","open":"09:00","close":"17:00"},{"day":"WEDNESDAY","open":"09:00","close":"17:00"},{"day":"THURSDAY","open":"09:00","close":"17:00"},{"day":"FRIDAY","open":"09:00","close":"16:00"}]'
    UNION ALL SELECT 'Durham Detox Centre', 'Metro Recovery Services', 'ON-CENTRAL-EAST', 'Oshawa', 'America/Toronto',
           '15 Simcoe St N', FALSE, '+1-905-555-0140', TRUE, NULL
    UNION ALL SELECT 'Thames Valley Transitional Homes', 'Harbour Society', 'ON-SOUTHWEST', 'London', 'America/Toronto',
           NULL, TRUE, '+1-519-555-0150', FALSE,
           '[{"day":"MONDAY","open":"10:00","close":"16:00"},{"day":"WEDNESDAY","open":"10:00","close":"16:00"},{"day":"FRIDAY","open":"10:00","close":"14:00"}]'
    UNION ALL SELECT 'Ottawa Youth Services Shelter', 'Prairie Youth Network', 'ON-EAST', 'Ottawa', 'America/Toronto',
           '147 Besserer St', FALSE, '+1-613-555-0160', TRUE, NULL
    UNION ALL SELECT 'Northern Lights Safe House', 'Northern Lights Women''s Services', 'ON-NORTHEAST', 'Sudbury', 'America/Toronto',
           '9 Confidential Rd', TRUE, '+1-705-555-0170', TRUE, NULL
    UNION ALL SELECT 'Kenora Healing Lodge', 'Northern Lights Women''s Services', 'ON-NORTHWEST', 'Kenora', 'America/Winnipeg',
           '301 Main St S', FALSE, '+1-807-555-0180', FALSE,
           '[{"day":"MONDAY","open":"08:30","close":"16:30"},{"day":"TUESDAY","open":"08:30","close":"16:30"},{"day":"WEDNESDAY","open":"08:30","close":"16:30"},{"day":"THURSDAY","open":"08:30","close":"16:30"},{"day":"FRIDAY","open":"08:30","close":"16:30"}]'
    UNION ALL SELECT 'Coast Women''s Transition House', 'Coast Safe Housing', 'BC-LOWER-MAINLAND', 'Vancouver', 'America/Vancouver',
           '1 Hidden Ave', TRUE, '+1-604-555-0190', TRUE, NULL
    UNION ALL SELECT 'Prince George Emergency Shelter', 'Coast Safe Housing', 'BC-NORTH', 'Prince George', 'America/Vancouver',
           '1220 3rd Ave', FALSE, '+1-250-555-0200', TRUE, NULL
    UNION ALL SELECT 'Island Recovery House', 'Metro Recovery Services', 'BC-ISLAND', 'Victoria', 'America/Vancouver',
           '55 Pandora Ave', FALSE, '+1-250-555-0210', FALSE,
           '[{"day":"MONDAY","open":"09:00","close":"17:00"},{"day":"TUESDAY","open":"09:00","close":"17:00"},{"day":"WEDNESDAY","open":"09:00","close":"17:00"},{"day":"THURSDAY","open":"09:00","close":"17:00"},{"day":"FRIDAY","open":"09:00","close":"17:00"}]'
    UNION ALL SELECT 'Calgary Youth Shelter', 'Prairie Youth Network', 'AB-CALGARY', 'Calgary', 'America/Edmonton',
           '819 8th Ave SW', FALSE, '+1-403-555-0220', TRUE, NULL
    UNION ALL SELECT 'Edmonton Inn Hotel Program', 'Street Outreach Toronto', 'AB-EDMONTON', 'Edmonton', 'America/Edmonton',
           '10010 104 St', FALSE, '+1-780-555-0230', TRUE, NULL
    UNION ALL SELECT 'Grande Prairie Women''s Shelter', 'Northern Lights Women''s Services', 'AB-NORTH', 'Grande Prairie', 'America/Edmonton',
           NULL, TRUE, '+1-780-555-0240', TRUE, NULL
  ) f JOIN organizations o ON o.name = f.org;

INSERT INTO programs (facility_id, name, type, population, capacity_type, capacity, max_stay_days, nightly_cost,
                      genders, min_age, max_age, accepts_children, accepts_pets, substance_use, accepts_current_sex_trade,
                      mandatory_activities, wheelchair_accessible, trafficking_specialized, languages, culturally_specific,
                      created_at, updated_at)
SELECT fa.id, p.name, p.type, p.population, p.capacity_type, p.capacity, p.max_stay, p.cost, p.genders, p.min_age, p.max_age,
       p.children, p.pets, p.substance, p.sex_trade, p.activities, p.wheelchair, p.trafficking, p.languages, p.cultural,
       UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
  FROM (
    SELECT 'Harbour House' AS facility, 'Women''s emergency beds' AS name, 'DV_SHELTER' AS type, 'WOMEN' AS population,
           'BED' AS capacity_type, 12 AS capacity, 24 AS max_stay, NULL AS cost, 'WOMAN,TRANS_WOMAN,NON_BINARY,TWO_SPIRIT' AS genders,
           16 AS min_age, NULL AS max_age, TRUE AS children, FALSE AS pets, 'HARM_REDUCTION' AS substance, TRUE AS sex_trade,
           FALSE AS activities, TRUE AS wheelchair, TRUE AS trafficking, 'en,fr' AS languages, NULL AS cultural
    UNION ALL SELECT 'Harbour House', 'Trafficking survivors safe rooms', 'SAFE_HOUSE', 'WOMEN', 'ROOM', 4, 90, NULL,
           'WOMAN,TRANS_WOMAN', 16, NULL, FALSE, FALSE, 'HARM_REDUCTION', TRUE, FALSE, FALSE, TRUE, 'en,es', NULL
    UNION ALL SELECT 'Queen West Emergency Shelter', 'Mixed adult emergency beds', 'EMERGENCY_SHELTER', 'MIXED_ADULT', 'BED', 60, NULL, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 18, NULL, FALSE, TRUE, 'ALLOWED', TRUE, FALSE, TRUE, FALSE, 'en', NULL
    UNION ALL SELECT 'Queen West Emergency Shelter', 'Men''s overflow cots', 'RESPITE', 'MEN', 'BED', 25, 7, NULL,
           'MAN,TRANS_MAN', 18, NULL, FALSE, FALSE, 'ALLOWED', TRUE, FALSE, FALSE, FALSE, 'en', NULL
    UNION ALL SELECT 'Lakeshore Hotel Program', 'Family hotel rooms', 'HOTEL_MOTEL', 'FAMILIES', 'ROOM', 40, 14, 139.00,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 0, NULL, TRUE, TRUE, 'HARM_REDUCTION', FALSE, FALSE, TRUE, FALSE, 'en,fr,ar', NULL
    UNION ALL SELECT 'Lakeshore Hotel Program', 'Women''s hotel rooms', 'HOTEL_MOTEL', 'WOMEN', 'ROOM', 15, 14, 129.00,
           'WOMAN,TRANS_WOMAN,NON_BINARY', 18, NULL, TRUE, FALSE, 'HARM_REDUCTION', TRUE, FALSE, TRUE, TRUE, 'en', NULL
    UNION ALL SELECT 'Peel Family Shelter', 'Family units', 'EMERGENCY_SHELTER', 'FAMILIES', 'ROOM', 22, 60, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 0, NULL, TRUE, FALSE, 'SOBRIETY_REQUIRED', FALSE, TRUE, TRUE, FALSE, 'en,pa,ur', 'NEWCOMER'
    UNION ALL SELECT 'Durham Detox Centre', 'Withdrawal management beds', 'DETOX', 'MIXED_ADULT', 'BED', 16, 7, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 18, NULL, FALSE, FALSE, 'ALLOWED', TRUE, TRUE, TRUE, FALSE, 'en', NULL
    UNION ALL SELECT 'Thames Valley Transitional Homes', 'Transitional apartments', 'TRANSITIONAL_HOUSING', 'WOMEN', 'ROOM', 10, 365, NULL,
           'WOMAN,TRANS_WOMAN,NON_BINARY,TWO_SPIRIT', 18, NULL, TRUE, TRUE, 'SOBRIETY_REQUIRED', FALSE, TRUE, FALSE, TRUE, 'en', NULL
    UNION ALL SELECT 'Ottawa Youth Services Shelter', 'Youth beds', 'YOUTH_SHELTER', 'YOUTH', 'BED', 20, 30, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 16, 24, FALSE, FALSE, 'HARM_REDUCTION', TRUE, FALSE, TRUE, FALSE, 'en,fr', '2SLGBTQ'
    UNION ALL SELECT 'Northern Lights Safe House', 'Safe house beds', 'SAFE_HOUSE', 'WOMEN', 'BED', 6, 60, NULL,
           'WOMAN,TRANS_WOMAN,TWO_SPIRIT', 16, NULL, TRUE, TRUE, 'HARM_REDUCTION', TRUE, FALSE, FALSE, TRUE, 'en,fr,oj', NULL
    UNION ALL SELECT 'Kenora Healing Lodge', 'Indigenous women''s lodge', 'TREATMENT', 'WOMEN', 'BED', 8, 42, NULL,
           'WOMAN,TRANS_WOMAN,TWO_SPIRIT', 18, NULL, FALSE, FALSE, 'SOBRIETY_REQUIRED', FALSE, TRUE, FALSE, FALSE, 'en,oj,cr', 'INDIGENOUS'
    UNION ALL SELECT 'Coast Women''s Transition House', 'Transition house beds', 'DV_SHELTER', 'WOMEN', 'BED', 14, 30, NULL,
           'WOMAN,TRANS_WOMAN,NON_BINARY,TWO_SPIRIT', 16, NULL, TRUE, TRUE, 'HARM_REDUCTION', FALSE, FALSE, TRUE, TRUE, 'en,zh,pa', NULL
    UNION ALL SELECT 'Prince George Emergency Shelter', 'Emergency beds', 'EMERGENCY_SHELTER', 'MIXED_ADULT', 'BED', 30, NULL, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 19, NULL, FALSE, TRUE, 'ALLOWED', TRUE, FALSE, FALSE, FALSE, 'en', NULL
    UNION ALL SELECT 'Island Recovery House', 'Treatment beds', 'TREATMENT', 'MIXED_ADULT', 'BED', 12, 90, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 19, NULL, FALSE, FALSE, 'SOBRIETY_REQUIRED', FALSE, TRUE, TRUE, FALSE, 'en', NULL
    UNION ALL SELECT 'Calgary Youth Shelter', 'Youth emergency beds', 'YOUTH_SHELTER', 'YOUTH', 'BED', 24, 21, NULL,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 13, 18, FALSE, FALSE, 'HARM_REDUCTION', TRUE, FALSE, TRUE, FALSE, 'en', NULL
    UNION ALL SELECT 'Edmonton Inn Hotel Program', 'Hotel overflow rooms', 'HOTEL_MOTEL', 'MIXED_ADULT', 'ROOM', 30, 14, 119.00,
           'WOMAN,MAN,TRANS_WOMAN,TRANS_MAN,NON_BINARY,TWO_SPIRIT', 18, NULL, TRUE, TRUE, 'ALLOWED', TRUE, FALSE, TRUE, FALSE, 'en', NULL
    UNION ALL SELECT 'Grande Prairie Women''s Shelter', 'Women''s shelter beds', 'DV_SHELTER', 'WOMEN', 'BED', 10, 21, NULL,
           'WOMAN,TRANS_WOMAN,TWO_SPIRIT', 18, NULL, TRUE, TRUE, 'HARM_REDUCTION', FALSE, FALSE, TRUE, FALSE, 'en,cr', 'INDIGENOUS'
  ) p JOIN facilities fa ON fa.name = p.facility;

-- Counts: most fresh, two deliberately stale, so the board shows what an out-of-date figure looks like.
INSERT INTO availability (program_id, available, held, out_of_service, version, updated_at, updated_by, region_code)
SELECT p.id,
       CASE WHEN p.type IN ('DETOX', 'TRANSITIONAL_HOUSING', 'TREATMENT') THEN 0 ELSE GREATEST(0, ROUND(p.capacity * 0.15)) END,
       0,
       CASE WHEN p.capacity >= 20 THEN 1 ELSE 0 END,
       1,
       CASE WHEN p.name IN ('Emergency beds', 'Treatment beds') THEN UTC_TIMESTAMP(6) - INTERVAL 9 HOUR
            ELSE UTC_TIMESTAMP(6) - INTERVAL (p.id MOD 50) MINUTE END,
       'demo',
       f.region_code
  FROM programs p JOIN facilities f ON f.id = p.facility_id;

INSERT INTO availability_history (program_id, capacity, available, held, out_of_service, occupied, version, changed_at, changed_by, source)
SELECT a.program_id, p.capacity, a.available, a.held, a.out_of_service,
       GREATEST(0, p.capacity - a.available - a.out_of_service), a.version, a.updated_at, 'demo', 'DEMO'
  FROM availability a JOIN programs p ON p.id = a.program_id;
