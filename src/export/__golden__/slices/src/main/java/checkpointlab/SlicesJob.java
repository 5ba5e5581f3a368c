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
 * Independent slices (region failover): the Checkpoint Lab scenario "slices" (seed 1) as a Flink job.
 *
 * Three parallel slices joined only by forward edges: source → filter → sink. No keyBy, so each slice is its own pipelined region.
 *
 * Run: ./bin/flink run -c checkpointlab.SlicesJob target/checkpoint-lab-slices-1.0.jar --conf-dir <project directory>
 */
public class SlicesJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Readings: topic "readings", 3 partitions x 1 records/s = 3 records/s,
        // 6 keys, uniform, values 1..10.
        DataStream<LabEvent> sourceStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(new String[] {"Lion", "Tiger", "Bear", "Wolf", "Fox", "Eagle"}, 3, false, 1.1, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(3.0),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Readings")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(3)
                .setMaxParallelism(128);

        // Filter (filter): source -forward->
        DataStream<LabEvent> filterStream = sourceStream.forward()
                .filter(new FilterEvents(null, Long.valueOf(3L)))
                .name("Filter")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(3)
                .setMaxParallelism(128);

        // Sink: Alerts (sink, plain): filter -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        filterStream.forward().print()
                .name("Sink: Alerts")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(3)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: Independent slices (region failover)");
    }
}
