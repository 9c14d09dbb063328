package dev.pagewalk.plan;

/**
 * One stream of a connector: its compiled plan (requests, sync, audit, the connector's shared keys)
 * and what it fans out over — the records of its {@code parent} stream (null: none), or its {@code
 * partitions} (null: none); a stream with neither is walked once.
 */
public record StreamPlan(String name, Plan plan, String parent, PartitionPlan partitions) {}
