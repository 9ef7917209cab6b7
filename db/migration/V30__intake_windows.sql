-- Bed requests rank by "intake open now" and, with admitNow, keep only the programs open now. Working that out
-- from each facility's intake JSON at query time (two JSON_TABLEs per candidate row, in two queries per request)
-- cost MariaDB 24 ms of CPU per request at 10,000 programs on a real night's shape (issue 20). Here the weekly
-- hours are kept as intervals of the week, written by the database itself whenever the JSON is, so "open now"
-- is an index lookup per facility: is the zone's local second of the week inside one of its intervals?
--
-- Seconds count from Monday 00:00 local to the facility's zone; an interval is [opens_at, closes_at). A window
-- whose close is not after its open runs past midnight (IntakeHours.Window.covers); Sunday's runs into Monday
-- morning and is kept as two intervals, the second starting at 0.
CREATE TABLE intake_windows (
    id          BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility_id BIGINT NOT NULL,
    opens_at    INT    NOT NULL,
    closes_at   INT    NOT NULL,
    KEY ix_intake_windows_facility (facility_id, opens_at),
    CONSTRAINT fk_intake_windows_facility FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO intake_windows (facility_id, opens_at, closes_at)
SELECT facility_id, d * 86400 + o, LEAST(d * 86400 + c + IF(c <= o, 86400, 0), 604800)
  FROM (SELECT f.id AS facility_id,
               FIELD(w.wday, 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY') - 1 AS d,
               TIME_TO_SEC(w.wopen) AS o, TIME_TO_SEC(w.wclose) AS c
          FROM facilities f,
               JSON_TABLE(f.intake_weekly, '$[*]' COLUMNS (wday VARCHAR(9) PATH '$.day', wopen TIME PATH '$.open',
                                                             wclose TIME PATH '$.close')) w
         WHERE f.intake_weekly IS NOT NULL) x
 WHERE d >= 0
UNION ALL
SELECT facility_id, 0, c
  FROM (SELECT f.id AS facility_id, w.wday, TIME_TO_SEC(w.wopen) AS o, TIME_TO_SEC(w.wclose) AS c
          FROM facilities f,
               JSON_TABLE(f.intake_weekly, '$[*]' COLUMNS (wday VARCHAR(9) PATH '$.day', wopen TIME PATH '$.open',
                                                             wclose TIME PATH '$.close')) w
         WHERE f.intake_weekly IS NOT NULL) x
 WHERE wday = 'SUNDAY' AND c <= o AND c > 0;

-- From now on the database keeps them: every writer of intake_weekly (the API, the importers, a hand-run UPDATE)
-- is covered. One statement per trigger (no BEGIN ... END), so an update's delete and insert are two triggers
-- run in that order.
CREATE TRIGGER facilities_intake_windows_insert AFTER INSERT ON facilities FOR EACH ROW
    INSERT INTO intake_windows (facility_id, opens_at, closes_at)
    SELECT NEW.id, d * 86400 + o, LEAST(d * 86400 + c + IF(c <= o, 86400, 0), 604800)
      FROM (SELECT FIELD(w.wday, 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY') - 1 AS d,
                   TIME_TO_SEC(w.wopen) AS o, TIME_TO_SEC(w.wclose) AS c
              FROM JSON_TABLE(NEW.intake_weekly, '$[*]' COLUMNS (wday VARCHAR(9) PATH '$.day', wopen TIME PATH '$.open',
                                                                  wclose TIME PATH '$.close')) w) x
     WHERE d >= 0
    UNION ALL
    SELECT NEW.id, 0, c
      FROM (SELECT w.wday AS wday, TIME_TO_SEC(w.wopen) AS o, TIME_TO_SEC(w.wclose) AS c
              FROM JSON_TABLE(NEW.intake_weekly, '$[*]' COLUMNS (wday VARCHAR(9) PATH '$.day', wopen TIME PATH '$.open',
                                                                  wclose TIME PATH '$.close')) w) x
     WHERE wday = 'SUNDAY' AND c <= o AND c > 0;

CREATE TRIGGER facilities_intake_windows_forget AFTER UPDATE ON facilities FOR EACH ROW
    DELETE FROM intake_windows WHERE facility_id = NEW.id AND NOT (NEW.intake_weekly <=> OLD.intake_weekly);

CREATE TRIGGER facilities_intake_windows_update AFTER UPDATE ON facilities FOR EACH ROW
    FOLLOWS facilities_intake_windows_forget
    INSERT INTO intake_windows (facility_id, opens_at, closes_at)
    SELECT NEW.id, d * 86400 + o, LEAST(d * 86400 + c + IF(c <= o, 86400, 0), 604800)
      FROM (SELECT FIELD(w.wday, 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY') - 1 AS d,
                   TIME_TO_SEC(w.wopen) AS o, TIME_TO_SEC(w.wclose) AS c
              FROM JSON_TABLE(NEW.intake_weekly, '$[*]' COLUMNS (wday VARCHAR(9) PATH '$.day', wopen TIME PATH '$.open',
                                                                  wclose TIME PATH '$.close')) w) x
     WHERE d >= 0 AND NOT (NEW.intake_weekly <=> OLD.intake_weekly)
    UNION ALL
    SELECT NEW.id, 0, c
      FROM (SELECT w.wday AS wday, TIME_TO_SEC(w.wopen) AS o, TIME_TO_SEC(w.wclose) AS c
              FROM JSON_TABLE(NEW.intake_weekly, '$[*]' COLUMNS (wday VARCHAR(9) PATH '$.day', wopen TIME PATH '$.open',
                                                                  wclose TIME PATH '$.close')) w) x
     WHERE wday = 'SUNDAY' AND c <= o AND c > 0 AND NOT (NEW.intake_weekly <=> OLD.intake_weekly);
