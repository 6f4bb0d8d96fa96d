package io.tousu.localstack.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

/**
 * The services' consumer groups as Kafka's admin client sees them: how far behind each is (lag),
 * the topics' end offsets, and a reset of a stopped group to the beginning of every topic it reads
 * (what {@code kafka-consumer-groups --reset-offsets --to-earliest} does). Closing closes the client.
 */
final class ConsumerGroups implements AutoCloseable {

    private static final Duration EMPTY_LIMIT = Duration.ofSeconds(60);

    private final Admin admin;

    ConsumerGroups(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        this.admin = Admin.create(props);
    }

    /** The groups that exist on the broker (consumer groups of any state). */
    Set<String> groups() throws InterruptedException {
        Set<String> groups = new HashSet<>();
        get(admin.listGroups().all()).forEach(g -> groups.add(g.groupId()));
        return groups;
    }

    /** The group's members right now: with several replicas, every replica's consumers are among them. */
    int members(String group) throws InterruptedException {
        return describe(group).members().size();
    }

    /** The number of records in {@code topic} (the sum of its partitions' end offsets minus beginnings). */
    long records(String topic) throws InterruptedException {
        if (!get(admin.listTopics().names()).contains(topic)) {
            return 0;
        }
        List<TopicPartition> partitions = partitions(List.of(topic));
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        return offsets(partitions, OffsetSpec.latest()).entrySet().stream()
                .mapToLong(e -> e.getValue() - earliest.get(e.getKey())).sum();
    }

    /**
     * Events the group has not committed yet, over every partition of every topic it reads (the
     * topics its members are assigned and the topics it committed offsets for); a partition without
     * a committed offset counts from its beginning.
     */
    long lag(String group) throws InterruptedException {
        Set<String> topics = topics(group);
        if (topics.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, Long> committed = committed(group);
        Map<TopicPartition, Long> earliest = offsets(partitions(topics), OffsetSpec.earliest());
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : offsets(partitions(topics), OffsetSpec.latest()).entrySet()) {
            long from = committed.getOrDefault(end.getKey(), earliest.getOrDefault(end.getKey(), 0L));
            lag += Math.max(0, end.getValue() - from);
        }
        return lag;
    }

    /** The end offset of every partition of {@code topics} that exist, by partition, sorted. */
    Map<String, Long> endOffsets(Collection<String> topics) throws InterruptedException {
        Set<String> existing = new HashSet<>(get(admin.listTopics().names()));
        existing.retainAll(topics);
        Map<String, Long> ends = new TreeMap<>();
        offsets(partitions(existing), OffsetSpec.latest()).forEach((tp, offset) -> ends.put(tp.toString(), offset));
        return ends;
    }

    /**
     * Sets the committed offset of every partition the stopped {@code group} reads to the partition's
     * beginning, so that its consumers re-read everything when they start again. Waits (up to 60 s)
     * until the group has no members: Kafka refuses to move the offsets of an active group.
     *
     * @return events the group will re-read (the sum of end minus beginning over the partitions)
     * @throws IllegalStateException if the group still has members after the wait
     */
    Reset resetToEarliest(String group) throws InterruptedException {
        awaitEmpty(group);
        Set<String> topics = topics(group);
        List<TopicPartition> partitions = partitions(topics);
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> to = new HashMap<>();
        earliest.forEach((tp, offset) -> to.put(tp, new OffsetAndMetadata(offset)));
        if (!to.isEmpty()) {
            get(admin.alterConsumerGroupOffsets(group, to).all());
        }
        long events = 0;
        boolean fromZero = true;
        for (TopicPartition tp : partitions) {
            events += latest.get(tp) - earliest.get(tp);
            fromZero &= earliest.get(tp) == 0;
        }
        return new Reset(new TreeSet<>(topics), partitions.size(), events, fromZero);
    }

    /**
     * What a reset did.
     *
     * @param topics the topics the group reads
     * @param partitions their partitions, all reset
     * @param events events between the beginning and the end of those partitions
     * @param fromZero true when every partition begins at offset 0 (nothing was deleted by retention)
     */
    record Reset(Set<String> topics, int partitions, long events, boolean fromZero) {
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private void awaitEmpty(String group) throws InterruptedException {
        long deadline = System.nanoTime() + EMPTY_LIMIT.toNanos();
        while (true) {
            ConsumerGroupDescription d = describe(group);
            if (d.members().isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumer group " + group + " still has " + d.members().size()
                        + " members (state " + d.groupState() + ") " + EMPTY_LIMIT.toSeconds()
                        + " s after its service stopped");
            }
            Thread.sleep(500);
        }
    }

    private ConsumerGroupDescription describe(String group) throws InterruptedException {
        return get(admin.describeConsumerGroups(List.of(group)).describedGroups().get(group));
    }

    /** The topics the group's members are assigned, and the topics it committed offsets for. */
    private Set<String> topics(String group) throws InterruptedException {
        Set<String> topics = new HashSet<>();
        ConsumerGroupDescription d = describe(group);
        if (d.groupState() != GroupState.DEAD) {
            for (MemberDescription member : d.members()) {
                member.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic()));
            }
        }
        committed(group).keySet().forEach(tp -> topics.add(tp.topic()));
        return topics;
    }

    private Map<TopicPartition, Long> committed(String group) throws InterruptedException {
        Map<TopicPartition, Long> committed = new HashMap<>();
        get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()).forEach((tp, om) -> {
            if (om != null) {
                committed.put(tp, om.offset());
            }
        });
        return committed;
    }

    private List<TopicPartition> partitions(Collection<String> topics) throws InterruptedException {
        if (topics.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> described = get(admin.describeTopics(topics).allTopicNames());
        return described.values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .toList();
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(tp -> request.put(tp, spec));
        Map<TopicPartition, ListOffsetsResultInfo> answer = get(admin.listOffsets(request).all());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer.forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka admin call failed: " + e.getCause(), e.getCause());
        }
    }
}
