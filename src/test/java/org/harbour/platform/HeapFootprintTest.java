package org.harbour.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap settings main() makes (issue 20): each flag the JVM still has at its default takes HeapFootprint's
 * value, and a flag someone set (the command line, JAVA_TOOL_OPTIONS, or an earlier call) keeps its value.
 */
class HeapFootprintTest {

    private final HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void defaultsTakeTheFrugalValuesAndChosenValuesStay() {
        Map<String, VMOption> before = new HashMap<>();
        for (String flag : HeapFootprint.SETTINGS.keySet()) {
            before.put(flag, hotspot.getVMOption(flag));
        }

        int changed = HeapFootprint.apply();

        long defaults = before.values().stream().filter(o -> o.getOrigin() == VMOption.Origin.DEFAULT).count();
        assertThat(changed).isEqualTo(defaults);
        for (String flag : HeapFootprint.SETTINGS.keySet()) {
            String expected = before.get(flag).getOrigin() == VMOption.Origin.DEFAULT
                    ? HeapFootprint.SETTINGS.get(flag) : before.get(flag).getValue();
            assertThat(hotspot.getVMOption(flag).getValue()).as(flag).isEqualTo(expected);
        }
        // a second call finds nothing at its default any more, so it changes nothing
        assertThat(HeapFootprint.apply()).isZero();
    }
}
