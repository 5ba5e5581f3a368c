package checkpointlab;

import org.apache.flink.api.common.functions.MapFunction;

/** The lab's map: identity, double, increment, square or negate the value. */
public class MapValue implements MapFunction<LabEvent, LabEvent> {
    private final String fn;

    public MapValue(String fn) {
        this.fn = fn;
    }

    @Override
    public LabEvent map(LabEvent event) {
        switch (fn) {
            case "double": return event.withValue(event.value * 2);
            case "increment": return event.withValue(event.value + 1);
            case "square": return event.withValue(event.value * event.value);
            case "negate": return event.withValue(-event.value);
            default: return event;
        }
    }
}
