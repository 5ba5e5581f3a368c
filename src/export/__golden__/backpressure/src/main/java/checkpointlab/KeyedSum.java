package checkpointlab;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/** Sums the values of each key in a ValueState and emits the running sum. */
public class KeyedSum extends KeyedProcessFunction<String, LabEvent, LabEvent> {
    private transient ValueState<Long> sum;

    @Override
    public void open(OpenContext context) {
        sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
    }

    @Override
    public void processElement(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {
        Long before = sum.value();
        long now = (before == null ? 0L : before) + event.value;
        sum.update(now);
        out.collect(event.withValue(now));
    }
}
