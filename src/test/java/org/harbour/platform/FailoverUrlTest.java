package org.harbour.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DATASOURCES_DEFAULT_URL with several hosts (API.md "Running"): what Harbour adds, and what it leaves alone. */
class FailoverUrlTest {

    static final String THREE_NODES = "jdbc:mysql://db1:3306,db2:3306,db3:3306/harbour";

    @Test
    void severalHostsAreFailoverAndGetEveryClusterSetting() {
        FailoverUrl url = FailoverUrl.parse(THREE_NODES);

        assertThat(url.isFailover()).isTrue();
        assertThat(url.hosts()).containsExactly("db1:3306", "db2:3306", "db3:3306");
        assertThat(url.settingsToAdd()).isEqualTo(FailoverUrl.CLUSTER_SETTINGS)
                .containsEntry("failOverReadOnly", "false")
                .containsEntry("secondsBeforeRetrySource", "0").containsEntry("queriesBeforeRetrySource", "0")
                .containsKeys("connectTimeout", "socketTimeout", "retriesAllDown");
    }

    @Test
    void aSettingTheOperatorWroteIsKeptWhateverItsCase() {
        FailoverUrl url = FailoverUrl.parse(THREE_NODES + "?sslMode=REQUIRED&FAILOVERREADONLY=true&socketTimeout=0");

        assertThat(url.settingsToAdd()).doesNotContainKeys("failOverReadOnly", "socketTimeout")
                .containsEntry("connectTimeout", "1000")
                .hasSize(FailoverUrl.CLUSTER_SETTINGS.size() - 2);
    }

    @Test
    void oneHostIsLeftAsItIs() {
        for (String single : new String[]{"jdbc:mysql://127.0.0.1:3306/harbour?sslMode=DISABLED", "jdbc:mysql://db1/harbour",
                "jdbc:mysql://[::1]:3306/harbour", "jdbc:mysql://db1:3306/harbour?note=a,b"}) {
            FailoverUrl url = FailoverUrl.parse(single);
            assertThat(url.isFailover()).as(single).isFalse();
            assertThat(url.hosts()).as(single).hasSize(1);
            assertThat(url.settingsToAdd()).as(single).isEmpty();
        }
    }

    @Test
    void otherModesAndOtherDatabasesAreNotOurs() {
        for (String other : new String[]{"jdbc:mysql:loadbalance://db1,db2/harbour", "jdbc:mysql:replication://db1,db2/harbour",
                "jdbc:postgresql://db1,db2/harbour", "", null}) {
            FailoverUrl url = FailoverUrl.parse(other);
            assertThat(url.isFailover()).as(other).isFalse();
            assertThat(url.settingsToAdd()).as(other).isEmpty();
        }
    }

    @Test
    void theOtherWaysConnectorJSpellsAHostListCount() {
        assertThat(FailoverUrl.parse("jdbc:mysql://[db1:3306,db2:3307]/harbour").hosts()).containsExactly("db1:3306", "db2:3307");
        assertThat(FailoverUrl.parse("jdbc:mysql://[::1]:3306,[::2]:3306/harbour").hosts()).containsExactly("[::1]:3306", "[::2]:3306");
        assertThat(FailoverUrl.parse("jdbc:mysql://db1,db2").isFailover()).as("no database named").isTrue();
        assertThat(FailoverUrl.parse("JDBC:MySQL://db1,db2/harbour").isFailover()).as("scheme in any case").isTrue();
    }

    @Test
    void theHostsShownInTheLogCarryNoCredentials() {
        assertThat(FailoverUrl.parse("jdbc:mysql://harbour:s3cret@db1:3306,harbour:s3cret@db2:3306/harbour").hosts())
                .containsExactly("db1:3306", "db2:3306");
        assertThat(FailoverUrl.parse("jdbc:mysql://address=(host=db1)(port=3306)(password=s3cret),"
                + "(host=db2,port=3307,password=s3cret)/harbour").hosts())
                .containsExactly("db1:3306", "db2:3307");
    }

    @Test
    void theSettingsAreOnesConnectorJKnows() {
        // a misspelt name would be ignored by the driver without a word
        var known = com.mysql.cj.conf.PropertyKey.values();
        for (String name : FailoverUrl.CLUSTER_SETTINGS.keySet()) {
            assertThat(java.util.Arrays.stream(known).map(com.mysql.cj.conf.PropertyKey::getKeyName)).as(name).contains(name);
        }
    }
}
