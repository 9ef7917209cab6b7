-- Regions where programs are located; reports group by them. Each carries its usual time zone
-- so after-hours demand can be measured where it happens.
CREATE TABLE regions (
    code       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    province   CHAR(2)      NOT NULL,
    time_zone  VARCHAR(64)  NOT NULL,
    rural      BOOLEAN      NOT NULL DEFAULT FALSE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO regions (code, name, province, time_zone, rural) VALUES
    ('ON-CENTRAL',        'Toronto and Central Ontario', 'ON', 'America/Toronto',   FALSE),
    ('ON-CENTRAL-WEST',   'Central West Ontario',        'ON', 'America/Toronto',   FALSE),
    ('ON-CENTRAL-EAST',   'Central East Ontario',        'ON', 'America/Toronto',   FALSE),
    ('ON-SOUTHWEST',      'Southwest Ontario',           'ON', 'America/Toronto',   FALSE),
    ('ON-EAST',           'Eastern Ontario',             'ON', 'America/Toronto',   FALSE),
    ('ON-NORTHEAST',      'Northeastern Ontario',        'ON', 'America/Toronto',   TRUE),
    ('ON-NORTHWEST',      'Northwestern Ontario',        'ON', 'America/Toronto',   TRUE),
    ('BC-LOWER-MAINLAND', 'Lower Mainland',              'BC', 'America/Vancouver', FALSE),
    ('BC-NORTH',          'Northern BC',                 'BC', 'America/Vancouver', TRUE),
    ('BC-INTERIOR',       'BC Interior',                 'BC', 'America/Vancouver', TRUE),
    ('BC-ISLAND',         'Vancouver Island',            'BC', 'America/Vancouver', FALSE),
    ('AB-NORTH',          'Northern Alberta',            'AB', 'America/Edmonton',  TRUE),
    ('AB-SOUTH',          'Southern Alberta',            'AB', 'America/Edmonton',  TRUE),
    ('AB-CALGARY',        'Calgary',                     'AB', 'America/Edmonton',  FALSE),
    ('AB-EDMONTON',       'Edmonton',                    'AB', 'America/Edmonton',  FALSE);
