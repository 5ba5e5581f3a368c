package checkpointlab;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/** Keeps the latest value of each side per key (two ValueStates); once both are known, emits their sum. */
public class KeyedJoin extends KeyedCoProcessFunction<String, LabEvent, LabEvent, LabEvent> {
    private transient ValueState<Long> left;
    private transient ValueState<Long> right;

    @Override
    public void open(OpenContext context) {
        left = getRuntimeContext().getState(new ValueStateDescriptor<>("left", Types.LONG));
        right = getRuntimeContext().getState(new ValueStateDescriptor<>("right", Types.LONG));
    }

    @Override
    public void processElement1(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {
        left.update(event.value);
        Long other = right.value();
        if (other != null) {
            out.collect(event.withValue(event.value + other));
        }
    }

    @Override
    public void processElement2(LabEvent event, Context ctx, Collector<LabEvent> out) throws Exception {
        right.update(event.value);
        Long other = left.value();
        if (other != null) {
            out.collect(event.withValue(event.value + other));
        }
    }
}
