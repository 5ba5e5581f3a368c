package checkpointlab;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Counts the records of each key in a ValueState and emits the running count. */
public class KeyedCount extends KeyedProcessFunction<String, LabEvent, LabEvent> {
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
        count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
    }

    @Override
    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {
        Long before = count.value();
        long now = (before == null ? 0L : before) + 1;
        count.update(now);
        out.collect(event.withValue(now));
    }
}
