/**
 * The compiled plan: {@code PlanCompiler} turns a {@code SpecDocument} into the immutable {@code
 * Plan} record (requests, pagination, retry, limits, sync, audit and network rules, every template
 * compiled) and checks the rules the schema cannot. The record implements the API's opaque {@link
 * dev.pagewalk.Plan}; embedders never see its parts. Not exported.
 *
 * <p>Depends on: {@code spec}, {@code expr}, {@code http} (body shapes, network policy) and the API
 * (diagnostics, limits, exceptions). Nothing here runs a request.
 */
package dev.pagewalk.plan;
