/**
 * Deciding whether and when to try again: the {@code Fault} vocabulary (what went wrong with one
 * attempt, and whether re-sending can help), the {@code Pacer} and {@code TokenBucket} of a rate
 * limit, and the rate-limit headers an API answers with. Not exported.
 *
 * <p>Depends on: {@code http} (the exceptions a transport raises) only.
 */
package dev.pagewalk.retry;
