package checkpointlab;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Counts the records of each key in a ValueState and emits the running count. */
public class KeyedCount extends KeyedProcessFunction<String, LabEvent, LabEvent> {
    /** the operator's state TTL (Flink's StateTtlConfig is serializable), or null for none */
    private final StateTtlConfig ttl;
    private transient ValueState<Long> count;

    public KeyedCount() {
        this(null);
    }

    public KeyedCount(StateTtlConfig ttl) {
        this.ttl = ttl;
    }

    @Override
    public void open(OpenContext context) {
        ValueStateDescriptor<Long> countDescriptor = new ValueStateDescriptor<>("count", Types.LONG);
        if (ttl != null) {
            countDescriptor.enableTimeToLive(ttl);
        }
        count = getRuntimeContext().getState(countDescriptor);
    }

    @Override
    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {
        Long before = count.value();
        long now = (before == null ? 0L : before) + 1;
        count.update(now);
        out.collect(event.withValue(now));
    }
}
