-- Region names in French (API.md "Regions": nameFr), so a French dashboard never shows an English place name.
-- A region added later without one shows its English name.
ALTER TABLE regions ADD COLUMN name_fr VARCHAR(100) NULL AFTER name;

UPDATE regions SET name_fr = CASE code
    WHEN 'ON-CENTRAL'        THEN 'Toronto et Centre de l’Ontario'
    WHEN 'ON-CENTRAL-WEST'   THEN 'Centre-Ouest de l’Ontario'
    WHEN 'ON-CENTRAL-EAST'   THEN 'Centre-Est de l’Ontario'
    WHEN 'ON-SOUTHWEST'      THEN 'Sud-Ouest de l’Ontario'
    WHEN 'ON-EAST'           THEN 'Est de l’Ontario'
    WHEN 'ON-NORTHEAST'      THEN 'Nord-Est de l’Ontario'
    WHEN 'ON-NORTHWEST'      THEN 'Nord-Ouest de l’Ontario'
    WHEN 'BC-LOWER-MAINLAND' THEN 'Basses-terres continentales (C.-B.)'
    WHEN 'BC-NORTH'          THEN 'Nord de la Colombie-Britannique'
    WHEN 'BC-INTERIOR'       THEN 'Intérieur de la Colombie-Britannique'
    WHEN 'BC-ISLAND'         THEN 'Île de Vancouver'
    WHEN 'AB-NORTH'          THEN 'Nord de l’Alberta'
    WHEN 'AB-SOUTH'          THEN 'Sud de l’Alberta'
    WHEN 'AB-CALGARY'        THEN 'Calgary'
    WHEN 'AB-EDMONTON'       THEN 'Edmonton'
    ELSE NULL END;
