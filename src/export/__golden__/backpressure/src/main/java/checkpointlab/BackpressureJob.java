package checkpointlab;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One slow subtask: the Checkpoint Lab scenario "backpressure" (seed 1) as a Flink job.
 *
 * Keyed Sum (2/3) is ten times slower than its siblings. Its input channels fill up, the Map subtasks run out of credit and stop, and the pressure reaches the sources.
 *
 * Run: ./bin/flink run -c checkpointlab.BackpressureJob target/checkpoint-lab-backpressure-1.0.jar --conf-dir <project directory>
 */
public class BackpressureJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Payments: topic "payments", 2 partitions x 4 records/s = 8 records/s,
        // 6 keys, uniform, values 1..10.
        DataStream<LabEvent> sourceStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(new String[] {"Lion", "Tiger", "Bear", "Wolf", "Fox", "Eagle"}, 2, false, 1.1, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(8.0),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Payments")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Map (map): source -forward->
        DataStream<LabEvent> mapStream = sourceStream.forward()
                .map(new MapValue("double"))
                .name("Map")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Keyed Sum (keyed-sum): map -hash->
        DataStream<LabEvent> sumStream = mapStream.keyBy(new LabEvent.ByKey())
                .process(new KeyedSum())
                .name("Keyed Sum")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(3)
                .setMaxParallelism(128);

        // Sink: Totals (sink, plain): sum -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        sumStream.forward().print()
                .name("Sink: Totals")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(3)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: One slow subtask");
    }
}
