package org.harbour.platform;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Keeps the heap near what the service uses when it is started as README says (java -jar, no JVM flags; issue
 * 20: 1,103 MB resident after 20 caseworkers' holds, against a target of 300 MB). With no flags the JVM may grow
 * the heap to a quarter of the machine's memory (6 GB of 24) and keeps what it grew to. The heap's limit can only
 * be set on the command line, but these three settings are "manageable" (changeable while the JVM runs), so
 * main() sets them before anything else: the heap is given back down to 25 % above what is in use whenever the
 * collector has marked the old objects (MaxHeapFreeRatio, G1 and Serial alike), and an idle server runs that
 * marking every few seconds (G1PeriodicGCInterval) instead of never. A value the operator chose on the command
 * line or in JAVA_TOOL_OPTIONS is left as it is. Measured in src/docs/performance.md ("Memory and start").
 */
public final class HeapFootprint {

    /** Flag -> value, each applied only while the flag still has its default. */
    static final Map<String, String> SETTINGS = Map.of(
            "MinHeapFreeRatio", "10",
            "MaxHeapFreeRatio", "20",
            "G1PeriodicGCInterval", "5000");

    private HeapFootprint() {
    }

    /** Applies {@link #SETTINGS}; answers how many it changed. Never stops a start: an unknown JVM keeps its own. */
    public static int apply() {
        int changed = 0;
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // the minimum first: the JVM refuses a maximum below the current minimum, and the reverse
            for (String flag : new String[] {"MinHeapFreeRatio", "MaxHeapFreeRatio", "G1PeriodicGCInterval"}) {
                VMOption option = hotspot.getVMOption(flag);
                if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) {
                    hotspot.setVMOption(flag, SETTINGS.get(flag));
                    changed++;
                }
            }
        } catch (RuntimeException notHotSpot) {
            // another JVM, or the flag is not there: the heap keeps the JVM's own sizing
        }
        return changed;
    }
}
