package checkpointlab;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;

/** The lab's filter: keeps records of the listed keys (all when none are listed) whose value is at least minValue. */
public class FilterEvents implements FilterFunction<LabEvent> {
    private final Set<String> keepKeys;
    private final Long minValue;

    public FilterEvents(String[] keepKeys, Long minValue) {
        this.keepKeys = keepKeys == null ? null : new HashSet<>(Arrays.asList(keepKeys));
        this.minValue = minValue;
    }

    @Override
    public boolean filter(LabEvent event) {
        return (keepKeys == null || keepKeys.contains(event.key)) && (minValue == null || event.value >= minValue);
    }
}
