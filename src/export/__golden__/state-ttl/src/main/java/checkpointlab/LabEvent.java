package checkpointlab;

import org.apache.flink.api.java.functions.KeySelector;

/** One record of a lab log: its key, its value, and where the source read it. */
public class LabEvent {
    public String key;
    public long value;
    public int partition;
    public long offset;

    public LabEvent() {}

    public LabEvent(String key, long value, int partition, long offset) {
        this.key = key;
        this.value = value;
        this.partition = partition;
        this.offset = offset;
    }

    /** The same record with another value, as the lab's operators emit it. */
    public LabEvent withValue(long newValue) {
        return new LabEvent(key, newValue, partition, offset);
    }

    @Override
    public String toString() {
        return key + "=" + value + " (partition " + partition + ", offset " + offset + ")";
    }

    /** keyBy on the record's key: what a "hash" edge of the lab does. */
    public static class ByKey implements KeySelector<LabEvent, String> {
        @Override
        public String getKey(LabEvent event) {
            return event.key;
        }
    }
}
