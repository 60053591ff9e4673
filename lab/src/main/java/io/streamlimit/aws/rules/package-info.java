/**
 * The AWS rules of the model, written once: small, clock-free classes that take {@code now}
 * (integer milliseconds) and a seeded random source and return decisions. They sleep on nothing
 * and own no thread. The simulator drives them from its scheduler in virtual time; the local
 * emulator drives them from its threads on the wall clock (guarding each with a lock, as they are
 * not thread-safe). Their parameters come from {@link io.streamlimit.aws.AwsBehaviour}, where each
 * says whether it is documented (with its source) or fitted (with the data it was fitted to).
 */
package io.streamlimit.aws.rules;
