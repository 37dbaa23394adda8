package dev.cxsentinel.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapDefaultsTest {

    @Test
    void withoutHeapOptionsTheCollectorIsToldToGiveMemoryBack() {
        assertTrue(HeapDefaults.apply(List.of("-Dfoo=bar"), Map.of()));
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        HeapDefaults.FLAGS.forEach((flag, value) -> assertEquals(value, hotspot.getVMOption(flag).getValue(), flag));
    }

    @Test
    void heapOptionsTheUserChoseWin() {
        assertFalse(HeapDefaults.apply(List.of("-Xmx1g"), Map.of()));
        assertTrue(HeapDefaults.chosenByUser(List.of(), Map.of("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=50")));
        assertTrue(HeapDefaults.chosenByUser(List.of(), Map.of("JDK_JAVA_OPTIONS", "-Xmx512m")));
        assertFalse(HeapDefaults.chosenByUser(List.of("-Dfile.encoding=UTF-8"), Map.of("JAVA_TOOL_OPTIONS", "-Dx=y")));
    }
}
