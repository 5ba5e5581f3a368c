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
 * Joining two streams: the Checkpoint Lab scenario "two-inputs" (seed 1) as a Flink job.
 *
 * Sightings and feedings come from two topics; a two-input Keyed Join keeps the latest value of each side per animal and emits their sum once both are known.
 *
 * Run: ./bin/flink run -c checkpointlab.TwoInputsJob target/checkpoint-lab-two-inputs-1.0.jar --conf-dir <project directory>
 */
public class TwoInputsJob {
    public static void main(String[] args) throws Exception {
        // --conf-dir <dir> loads <dir>/config.yaml: the scenario's checkpointing and state configuration
        Configuration conf = new Configuration();
        for (int i = 0; i + 1 < args.length; i++) {
            if ("--conf-dir".equals(args[i])) {
                conf = GlobalConfiguration.loadConfiguration(args[i + 1]);
            }
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);

        // Source: Sightings: topic "sightings", 2 partitions x 1 records/s = 2 records/s,
        // 6 keys, uniform, values 1..10.
        DataStream<LabEvent> sightingsStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(new String[] {"Lion", "Tiger", "Bear", "Wolf", "Fox", "Eagle"}, 2, false, 1.1, 10L, 1, 0),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(2.0),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Sightings")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Source: Feedings: topic "feedings", 1 partition x 1.2 records/s = 1.2 records/s,
        // 6 keys, uniform, values 1..10.
        DataStream<LabEvent> feedingsStream = env
                .fromSource(
                        new DataGeneratorSource<>(
                                new LabLog(new String[] {"Lion", "Tiger", "Bear", "Wolf", "Fox", "Eagle"}, 1, false, 1.1, 10L, 1, 1),
                                Long.MAX_VALUE,
                                RateLimiterStrategy.perSecond(1.2),
                                TypeInformation.of(LabEvent.class)),
                        WatermarkStrategy.noWatermarks(),
                        "Source: Feedings")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(1)
                .setMaxParallelism(128);

        // Keyed Join (keyed-join): sightings -hash-> input 0, feedings -hash-> input 1; connect + keyBy on both sides, a KeyedCoProcessFunction
        DataStream<LabEvent> joinStream = sightingsStream
                .connect(feedingsStream)
                .keyBy(new LabEvent.ByKey(), new LabEvent.ByKey())
                .process(new KeyedJoin())
                .name("Keyed Join")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        // Sink: Joined (sink, plain): join -forward->
        // Plain: writes at once; after a restart the replayed records are printed again (at-least-once output).
        joinStream.forward().print()
                .name("Sink: Joined")
                // no uid: Flink derives this operator's ID from its place in the graph (see README.md)
                .setParallelism(2)
                .setMaxParallelism(128);

        env.execute("Checkpoint Lab: Joining two streams");
    }
}
