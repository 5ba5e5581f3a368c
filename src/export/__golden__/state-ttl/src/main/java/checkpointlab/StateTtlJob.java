package checkpointlab;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Sessions that never come back: the Checkpoint Lab scenario "state-ttl" (seed 1) as a Flink job.
 *
 * A source reads session ids that are each seen for four records and never again; traffic stops from 24 s to 54 s. Two Keyed Counts count the same sessions: one without TTL, one whose state has a TTL of 6 s (Flink's StateTtlConfig, background cleanup as by default, RocksDB periodic compaction every 10 s).
 *
 * Run: ./bin/flink run -c checkpointlab.StateTtlJob target/checkpoint-lab-state-ttl-1.0.jar --conf-dir <project directory>
 */
public class StateTtlJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Sessions: topic "sessions", 2 partitions x 4 records/s = 8 records/s,
        // ever-new keys: each session id is the key of 4 records in a row of a partition, then never again; values 1..10.
        // The lab's source pauses at 24 s for 30 s; this generator cannot pause (its rate is constant): see README.md.
        DataStream<LabEvent> sourceStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new SessionLog(2, 4L, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(8.0),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Sessions")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(1)
                .setMaxParallelism(128);

        // Count (no TTL) (keyed-count): source -hash->
        DataStream<LabEvent> countAllStream = sourceStream.keyBy(new LabEvent.ByKey())
                .process(new KeyedCount())
                .name("Count (no TTL)")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(1)
                .setMaxParallelism(128);

        // Count (TTL 6 s) (keyed-count): source -hash->
        // state TTL (processing time); a cleanup not set here keeps Flink's background default (heap: incremental, RocksDB: compaction filter)
        StateTtlConfig countTtlTtlConfig = StateTtlConfig.newBuilder(Duration.ofSeconds(6))
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupInRocksdbCompactFilter(1000L, Duration.ofSeconds(10))
                .build();
        DataStream<LabEvent> countTtlStream = sourceStream.keyBy(new LabEvent.ByKey())
                .process(new KeyedCount(countTtlTtlConfig))
                .name("Count (TTL 6 s)")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(1)
                .setMaxParallelism(128);

        // Sink: All (sink, plain): count-all -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        countAllStream.forward().print()
                .name("Sink: All")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(1)
                .setMaxParallelism(128);

        // Sink: TTL (sink, plain): count-ttl -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        countTtlStream.forward().print()
                .name("Sink: TTL")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(1)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: Sessions that never come back");
    }
}
