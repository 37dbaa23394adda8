package dev.cxsentinel.bootstrap;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running process started with plain {@code java -jar} (no heap option) gets the JVM's default maximum heap,
 * a quarter of the machine's memory, and G1 keeps what it once grew to: {@code serve} was seen holding 2.3 GB on a
 * 24 GB machine under a light load whose working set is a few hundred MB (README, "Memory"). A jar cannot set
 * {@code -Xmx}; what it can set at run time are the collector's manageable flags. Unless the user chose heap
 * options, this makes G1 collect once a minute when idle and give back memory beyond 30 % free, so the process
 * returns to its working set between bursts. Explicit options ({@code -Xmx}, {@code JAVA_TOOL_OPTIONS}, …) win.
 */
final class HeapDefaults {
    private static final Logger LOG = LoggerFactory.getLogger(HeapDefaults.class);
    /** Manageable HotSpot flags and the values used when the user set none. */
    static final Map<String, String> FLAGS = Map.of("G1PeriodicGCInterval", "60000", "MinHeapFreeRatio", "10", "MaxHeapFreeRatio", "30");

    private HeapDefaults() {
    }

    /** Applies {@link #FLAGS} unless the JVM was started with heap options; returns whether it did. */
    static boolean apply(List<String> jvmArguments, Map<String, String> env) {
        if (chosenByUser(jvmArguments, env)) {
            return false;
        }
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // MinHeapFreeRatio first: MaxHeapFreeRatio may not go below it
            hotspot.setVMOption("MinHeapFreeRatio", FLAGS.get("MinHeapFreeRatio"));
            hotspot.setVMOption("MaxHeapFreeRatio", FLAGS.get("MaxHeapFreeRatio"));
            hotspot.setVMOption("G1PeriodicGCInterval", FLAGS.get("G1PeriodicGCInterval"));
            return true;
        } catch (RuntimeException | LinkageError e) { // another JVM or collector: its own defaults stay
            LOG.debug("heap defaults not applied: {}", e.toString());
            return false;
        }
    }

    static boolean chosenByUser(List<String> jvmArguments, Map<String, String> env) {
        String options = String.join(" ", jvmArguments) + " " + env.getOrDefault("JAVA_TOOL_OPTIONS", "") + " "
                + env.getOrDefault("JDK_JAVA_OPTIONS", "") + " " + env.getOrDefault("_JAVA_OPTIONS", "");
        return options.contains("-Xmx") || options.contains("MaxHeapSize") || options.contains("MaxRAMPercentage")
                || options.contains("HeapFreeRatio") || options.contains("G1PeriodicGCInterval");
    }

    /** For {@code serve} and {@code console}, the long-running commands. */
    static void applyToThisJvm() {
        if (apply(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv())) {
            LOG.debug("heap defaults applied: {}", FLAGS);
        }
    }
}
