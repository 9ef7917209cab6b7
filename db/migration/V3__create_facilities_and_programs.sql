CREATE TABLE facilities (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name                VARCHAR(200) NOT NULL,
    organization_id     BIGINT       NOT NULL,
    region_code         VARCHAR(32)  NOT NULL,
    municipality        VARCHAR(100) NOT NULL,
    time_zone           VARCHAR(64)  NOT NULL,
    address             VARCHAR(300) NULL,
    confidential        BOOLEAN      NOT NULL DEFAULT FALSE,
    intake_phone        VARCHAR(40)  NULL,
    intake_always_open  BOOLEAN      NOT NULL DEFAULT TRUE,
    -- weekly intake hours: [{"day":"MONDAY","open":"09:00","close":"17:00"}], local to time_zone
    intake_weekly       JSON         NULL,
    external_ref        VARCHAR(64)  NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    UNIQUE KEY uk_facilities_external_ref (external_ref),
    KEY ix_facilities_region (region_code),
    CONSTRAINT fk_facilities_organization FOREIGN KEY (organization_id) REFERENCES organizations (id),
    CONSTRAINT fk_facilities_region FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE programs (
    id                         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    facility_id                BIGINT        NOT NULL,
    name                       VARCHAR(200)  NOT NULL,
    type                       VARCHAR(32)   NOT NULL,
    population                 VARCHAR(16)   NOT NULL,
    capacity_type              VARCHAR(8)    NOT NULL,
    capacity                   INT           NOT NULL,
    max_stay_days              INT           NULL,
    nightly_cost               DECIMAL(10,2) NULL,
    -- eligibility: comma-separated sets keep FIND_IN_SET filters in SQL possible
    genders                    VARCHAR(120)  NOT NULL,
    min_age                    INT           NULL,
    max_age                    INT           NULL,
    accepts_children           BOOLEAN       NOT NULL,
    accepts_pets               BOOLEAN       NOT NULL,
    substance_use              VARCHAR(20)   NOT NULL,
    accepts_current_sex_trade  BOOLEAN       NOT NULL,
    mandatory_activities       BOOLEAN       NOT NULL,
    wheelchair_accessible      BOOLEAN       NOT NULL,
    trafficking_specialized    BOOLEAN       NOT NULL,
    languages                  VARCHAR(120)  NOT NULL,
    culturally_specific        VARCHAR(16)   NULL,
    external_ref               VARCHAR(64)   NULL,
    created_at                 DATETIME(6)   NOT NULL,
    updated_at                 DATETIME(6)   NOT NULL,
    UNIQUE KEY uk_programs_external_ref (external_ref),
    KEY ix_programs_facility (facility_id),
    KEY ix_programs_type (type),
    CONSTRAINT fk_programs_facility FOREIGN KEY (facility_id) REFERENCES facilities (id),
    CONSTRAINT ck_programs_capacity CHECK (capacity >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which facilities a SHELTER_STAFF user works at.
CREATE TABLE user_facilities (
    user_id      BIGINT NOT NULL,
    facility_id  BIGINT NOT NULL,
    PRIMARY KEY (user_id, facility_id),
    KEY ix_user_facilities_facility (facility_id),
    CONSTRAINT fk_user_facilities_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_user_facilities_facility FOREIGN KEY (facility_id) REFERENCES facilities (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
