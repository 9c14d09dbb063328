/**
 * The live-data mock API: a WireMock extension serving a generated dataset that changes while a
 * client pages through it, with injected faults, so conformance tests can prove that a connector
 * reads every record exactly once (or detects that it cannot).
 *
 * <p>Start with {@link dev.pagewalk.conformance.livedata.LiveDataServer#start} and a {@link
 * dev.pagewalk.conformance.livedata.LiveDataConfig} (builder or YAML map). Wire formats of the
 * pagination styles: {@link dev.pagewalk.conformance.livedata.Style}. Scheduling: requests to the
 * base path are numbered from 1 in arrival order, retries and faulted requests included; a {@link
 * dev.pagewalk.conformance.livedata.FaultSpec} replaces the answer to its request number without
 * moving any paging state; a {@link dev.pagewalk.conformance.livedata.Mutation} changes the dataset
 * right after the answer to its request number is computed. After the run, {@link
 * dev.pagewalk.conformance.livedata.LiveDataServer#expectation()} says which ids the connector
 * must, may and must not have read.
 *
 * <p>With {@link dev.pagewalk.conformance.livedata.OAuthConfig} the mock also serves an OAuth2
 * token endpoint (client credentials, rotating refresh tokens, expiring access tokens by the mock's
 * clock) and its base path answers 401 without a valid bearer token; a 401 is a numbered request
 * like any other, answered after a fault scheduled for it and before the rate limit.
 */
package dev.pagewalk.conformance.livedata;
