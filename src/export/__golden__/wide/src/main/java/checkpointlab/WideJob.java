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
 * Thirty-two subtasks: the Checkpoint Lab scenario "wide" (seed 1) as a Flink job.
 *
 * Parallelism 8 at every stage: 8 sources, 8 maps, 8 keyed counters, 8 sinks, with an all-to-all keyBy between maps and counters (64 channels).
 *
 * Run: ./bin/flink run -c checkpointlab.WideJob target/checkpoint-lab-wide-1.0.jar --conf-dir <project directory>
 */
public class WideJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Clicks: topic "clicks", 16 partitions x 20 records/s = 320 records/s,
        // 200 keys, Zipf-skewed (exponent 0.8), values 1..10.
        DataStream<LabEvent> sourceStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(LabLog.numberedKeys(200), 16, true, 0.8, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(320.0),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Clicks")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(8)
                .setMaxParallelism(128);

        // Map (map): source -forward->
        DataStream<LabEvent> mapStream = sourceStream.forward()
                .map(new MapValue("identity"))
                .name("Map")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(8)
                .setMaxParallelism(128);

        // Keyed Count (keyed-count): map -hash->
        DataStream<LabEvent> countStream = mapStream.keyBy(new LabEvent.ByKey())
                .process(new KeyedCount())
                .name("Keyed Count")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(8)
                .setMaxParallelism(128);

        // Sink: Counts (sink, plain): count -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        countStream.forward().print()
                .name("Sink: Counts")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(8)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: Thirty-two subtasks");
    }
}
